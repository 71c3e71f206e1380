// /settings/: Pinterest's "Edit profile" (photo, name, about, website; Save) and "Password" (current, new, again),
// through /api/app/account (GET, PATCH, PUT/DELETE profile-image, POST password). A picked photo is uploaded at
// once, as Pinterest does; the header follows every change through the session's user. The API's message goes
// under the field it names, anything else into the toast.
import { Avatar, Box, Button, Divider, Flex, Heading, Link, Spinner, Text, TextArea, TextField } from 'gestalt';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CorkboardComponents } from '../../../src/sdk/index.js';
import { corkboard, errorMessage } from '../api.js';
import type { Notify } from '../App.js';
import { readBase64 } from '../files.js';
import { useSession } from '../session.js';

type Profile = CorkboardComponents['schemas']['AccountProfile'];
type ImageType = CorkboardComponents['schemas']['ProfileImageUpload']['content_type'];

// The server's rules (services/profile.ts), checked here too so a mistake shows before anything is sent.
const LIMITS = { full_name: 65, about: 500 };
const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] satisfies ImageType[];
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MIN_PASSWORD = 8;

type ProfileField = 'full_name' | 'about' | 'website_url' | 'photo';
type PasswordField = 'current_password' | 'new_password' | 'confirm';
interface FieldError<F> { field: F | null; message: string }

/** Which field an API message names, so it shows there. */
function fieldOf<F extends string>(message: string, fields: Partial<Record<F, RegExp>>): F | null {
  for (const [field, pattern] of Object.entries(fields) as Array<[F, RegExp]>) if (pattern.test(message)) return field;
  return null;
}

export function Settings({ notify }: { notify: Notify }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => { document.title = 'Settings · Corkboard'; }, []);
  useEffect(() => {
    corkboard.GET('/api/app/account').then(({ data, error }) => {
      if (data) setProfile(data); else notify(errorMessage(error));
    }, (e) => notify(errorMessage(e)));
  }, [notify]);

  if (!profile) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your settings" /></Flex></Box>;
  return (
    <Box as="main" paddingX={4} paddingY={8} maxWidth={640} marginStart="auto" marginEnd="auto">
      <Flex direction="column" gap={8}>
        <ProfileForm profile={profile} onSaved={setProfile} notify={notify} />
        <Divider />
        <PasswordForm username={profile.username} notify={notify} />
      </Flex>
    </Box>
  );
}

function ProfileForm({ profile, onSaved, notify }: { profile: Profile; onSaved(p: Profile): void; notify: Notify }) {
  const { setUser } = useSession();
  const [fullName, setFullName] = useState(profile.full_name);
  const [about, setAbout] = useState(profile.about);
  const [website, setWebsite] = useState(profile.website_url);
  const [error, setError] = useState<FieldError<ProfileField> | null>(null);
  const [busy, setBusy] = useState<'save' | 'photo' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const changed = fullName !== profile.full_name || about !== profile.about || website !== profile.website_url;

  /** The new profile everywhere: this page, and the header through the session's user. */
  const saved = (p: Profile) => {
    onSaved(p);
    setUser({ id: p.id, username: p.username, ...(p.full_name ? { full_name: p.full_name } : {}), ...(p.profile_image ? { profile_image: p.profile_image } : {}) });
  };
  const failed = (e: unknown) => {
    const message = errorMessage(e);
    const field = fieldOf<ProfileField>(message, { full_name: /full_name/, about: /\babout\b/, website_url: /website_url/, photo: /\b(data|content_type)\b/ });
    setError({ field, message });
    if (!field) notify(message);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy('save');
    try {
      const { data, error: apiError } = await corkboard.PATCH('/api/app/account', { body: { full_name: fullName, about, website_url: website } });
      if (!data) throw apiError;
      saved(data);
      setFullName(data.full_name); setAbout(data.about); setWebsite(data.website_url); // as the server keeps them (trimmed)
      notify('Profile saved.', 'success');
    } catch (e) { failed(e); } finally { setBusy(null); }
  };

  const upload = async (file: File) => {
    setError(null);
    if (!IMAGE_TYPES.includes(file.type)) { setError({ field: 'photo', message: `${file.name} is not a JPEG, PNG, WebP or GIF image.` }); return; }
    if (file.size > MAX_IMAGE_BYTES) { setError({ field: 'photo', message: `${file.name} is larger than 10 MB.` }); return; }
    setBusy('photo');
    try {
      const body = { content_type: file.type as ImageType, data: await readBase64(file) };
      const { data, error: apiError } = await corkboard.PUT('/api/app/account/profile-image', { body });
      if (!data) throw apiError;
      saved(data);
      notify('Profile photo updated.', 'success');
    } catch (e) { failed(e); } finally { setBusy(null); }
  };

  const removePhoto = async () => {
    setError(null);
    setBusy('photo');
    try {
      const { data, error: apiError } = await corkboard.DELETE('/api/app/account/profile-image');
      if (!data) throw apiError;
      saved(data);
      notify('Profile photo removed.', 'success');
    } catch (e) { failed(e); } finally { setBusy(null); }
  };

  const errorOf = (field: ProfileField) => (error?.field === field ? error.message : undefined);
  const name = profile.full_name || profile.username;
  return (
    <form onSubmit={save} noValidate aria-labelledby="edit-profile-heading">
      <Flex direction="column" gap={6}>
        <Flex direction="column" gap={2}>
          <Heading size="400" accessibilityLevel={1} id="edit-profile-heading">Edit profile</Heading>
          <Text color="subtle">Keep your personal details private. What you add here is visible to anyone who can see your profile.</Text>
        </Flex>
        <Flex direction="column" gap={2}>
          <Text size="100">Photo</Text>
          <Flex alignItems="center" gap={4} wrap>
            <Box width={75}><Avatar name={name} size="lg" src={profile.profile_image ?? undefined} accessibilityLabel={`Profile photo of ${name}`} /></Box>
            <Button text={busy === 'photo' ? 'Uploading…' : 'Change'} color="gray" disabled={busy !== null} accessibilityLabel="Change profile photo"
              onClick={() => input.current?.click()} />
            {profile.profile_image && <Button text="Remove" color="transparent" disabled={busy !== null} accessibilityLabel="Remove profile photo" onClick={removePhoto} />}
            <input ref={input} className="visually-hidden" type="file" accept={IMAGE_TYPES.join(',')} tabIndex={-1} aria-hidden="true"
              onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void upload(file); }} />
          </Flex>
          {errorOf('photo')
            ? <Box role="alert"><Text color="error" size="200">{errorOf('photo')}</Text></Box>
            : <Text color="subtle" size="100">JPEG, PNG, WebP or GIF, up to 10 MB; shown as a circle.</Text>}
        </Flex>
        <TextField id="settings-name" label="Name" autoComplete="name" value={fullName} onChange={({ value }) => setFullName(value)}
          errorMessage={errorOf('full_name')} maxLength={{ characterCount: LIMITS.full_name, errorAccessibilityLabel: 'Name is too long' }}
          helperText={profile.account_type === 'BUSINESS' ? 'Your business name' : 'Shown instead of your username'} />
        <TextArea id="settings-about" label="About" placeholder="Tell your story" rows={4} value={about} onChange={({ value }) => setAbout(value)}
          errorMessage={errorOf('about')} maxLength={{ characterCount: LIMITS.about, errorAccessibilityLabel: 'About is too long' }} />
        <TextField id="settings-website" label="Website" type="url" autoComplete="url" placeholder="https://" value={website}
          onChange={({ value }) => setWebsite(value)} errorMessage={errorOf('website_url')} helperText="Add a link to drive traffic to your site" />
        <Flex direction="column" gap={1}>
          <Text size="100">Username</Text>
          <Text>
            <Link display="inline" href={`/${encodeURIComponent(profile.username)}/`}>{`${window.location.host}/${profile.username}`}</Link>
          </Text>
        </Flex>
        <Flex justifyContent="end" gap={2}>
          <Button text="Reset" color="gray" disabled={!changed || busy !== null}
            onClick={() => { setFullName(profile.full_name); setAbout(profile.about); setWebsite(profile.website_url); setError(null); }} />
          <Button text={busy === 'save' ? 'Saving…' : 'Save'} color="red" type="submit" disabled={!changed || busy !== null} />
        </Flex>
      </Flex>
    </form>
  );
}

function PasswordForm({ username, notify }: { username: string; notify: Notify }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<FieldError<PasswordField> | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) { setError({ field: 'current_password', message: 'Enter your current password.' }); return; }
    if (next.length < MIN_PASSWORD) { setError({ field: 'new_password', message: `Use at least ${MIN_PASSWORD} characters.` }); return; }
    if (confirm !== next) { setError({ field: 'confirm', message: 'The passwords do not match.' }); return; }
    setError(null);
    setBusy(true);
    try {
      const { response, error: apiError } = await corkboard.POST('/api/app/account/password', { body: { current_password: current, new_password: next } });
      if (!response.ok) {
        const retry = response.status === 429 ? response.headers.get('retry-after') : null;
        const message = `${errorMessage(apiError)}${retry ? ` (try again in ${retry} s)` : ''}`;
        const field = fieldOf<PasswordField>(message, { current_password: /current_password/, new_password: /new_password/ });
        setError({ field, message });
        if (!field) notify(message);
        return;
      }
      setCurrent(''); setNext(''); setConfirm('');
      notify('Password changed. Your other sessions were logged out.', 'success');
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };

  const errorOf = (field: PasswordField) => (error?.field === field ? error.message : undefined);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-heading">
      {/* The account these passwords are for, as password managers look for it. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Flex direction="column" gap={6}>
        <Flex direction="column" gap={2}>
          <Heading size="400" accessibilityLevel={2} id="password-heading">Password</Heading>
          <Text color="subtle">Changing it logs you out everywhere else; this browser stays logged in.</Text>
        </Flex>
        <TextField id="settings-current-password" label="Current password" type="password" autoComplete="current-password" value={current}
          onChange={({ value }) => { setCurrent(value); setError(null); }} errorMessage={errorOf('current_password')} />
        <TextField id="settings-new-password" label="New password" type="password" autoComplete="new-password" value={next}
          onChange={({ value }) => { setNext(value); setError(null); }} errorMessage={errorOf('new_password')} helperText={`At least ${MIN_PASSWORD} characters`} />
        <TextField id="settings-confirm-password" label="Type the new password again" type="password" autoComplete="new-password" value={confirm}
          onChange={({ value }) => { setConfirm(value); setError(null); }} errorMessage={errorOf('confirm')} />
        <Flex justifyContent="end">
          <Button text={busy ? 'Changing…' : 'Change password'} color="red" type="submit" disabled={busy} />
        </Flex>
      </Flex>
    </form>
  );
}
