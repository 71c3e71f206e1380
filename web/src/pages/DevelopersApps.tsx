// Your apps (/developers/apps/): each with its client id, redirect URIs and your tokens on it; create one (its
// secret shown once), rotate its secret (the new one shown once, the old one refused from then on) or delete it
// (its tokens stop working). Everything through /api/app/apps (the SDK adds the CSRF header).
import { Box, Button, Flex, Heading, Layer, Modal, Spinner, Text, TextArea, TextField } from 'gestalt';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CorkboardComponents } from '../../../src/sdk/index.js';
import type { Notify } from '../App.js';
import { corkboard, done, errorMessage, unwrap } from '../api.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { ShownOnce, type Shown } from '../components/ShownOnce.js';
import { shortDate } from '../dates.js';
import { DevelopersTokens, type Scope } from './DevelopersTokens.js';

type ConsoleApp = CorkboardComponents['schemas']['ConsoleApp'];

export function DevelopersApps({ notify }: { notify: Notify }) {
  const [apps, setApps] = useState<ConsoleApp[] | null>(null);
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [asking, setAsking] = useState<{ kind: 'rotate' | 'delete'; app: ConsoleApp } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try { setApps((await unwrap(corkboard.GET('/api/app/apps'))).items); } catch (e) { notify(errorMessage(e)); setApps((prev) => prev ?? []); }
  }, [notify]);
  useEffect(() => {
    void load();
    unwrap(corkboard.GET('/api/app/scopes')).then((s) => setScopes(s.items), (e: unknown) => notify(errorMessage(e)));
  }, [load, notify]);

  const shownSecret = (heading: string, clientId: string, secret: string): Shown => ({
    heading, note: 'Copy the client secret now: Corkboard keeps only a hash of it and cannot show it again.',
    secrets: [{ label: 'Client ID', value: clientId }, { label: 'Client secret', value: secret }],
  });

  const answer = async () => {
    if (!asking) return;
    const { kind, app } = asking;
    const path = { path: { client_id: app.client_id } };
    setBusy(true);
    try {
      if (kind === 'rotate') {
        const rotated = await unwrap(corkboard.POST('/api/app/apps/{client_id}/secret', { params: path }));
        setShown(shownSecret(`New secret for ${app.name}`, rotated.client_id, rotated.client_secret));
      } else {
        await done(corkboard.DELETE('/api/app/apps/{client_id}', { params: path }));
        setApps((prev) => (prev ?? []).filter((a) => a.client_id !== app.client_id));
        notify(`App "${app.name}" deleted`, 'success');
      }
      setAsking(null);
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };

  return (
    <Box as="section">
      <Flex justifyContent="between" alignItems="center" gap={4} wrap>
        <Heading size="400" accessibilityLevel={2}>Your apps</Heading>
        <Button text="Create app" color="red" iconStart="add" onClick={() => setCreating(true)} />
      </Flex>
      <Box marginTop={4}>
        {apps === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your apps" /></Flex>
          : apps.length === 0
            ? <Box paddingY={8}><Text align="center" color="subtle">No apps yet. Create one to call the API with OAuth, or to generate a token for yourself.</Text></Box>
            : (
              <ul className="console-list" aria-label="Your apps">
                {apps.map((app) => (
                  <li key={app.client_id} aria-label={app.name}>
                    <Box borderStyle="sm" rounding={5} padding={4} mdPadding={6}>
                      <Flex justifyContent="between" alignItems="start" gap={3} wrap>
                        <Heading size="300" accessibilityLevel={3}>{app.name}</Heading>
                        <Flex gap={2} wrap>
                          <Button text="Rotate secret" color="gray" size="sm" accessibilityLabel={`Rotate secret of ${app.name}`} onClick={() => setAsking({ kind: 'rotate', app })} />
                          <Button text="Delete" color="gray" size="sm" accessibilityLabel={`Delete ${app.name}`} onClick={() => setAsking({ kind: 'delete', app })} />
                        </Flex>
                      </Flex>
                      <dl className="console-facts">
                        <dt><Text size="200" weight="bold">Client ID</Text></dt>
                        <dd><code className="mono">{app.client_id}</code></dd>
                        <dt><Text size="200" weight="bold">Redirect URIs</Text></dt>
                        <dd><ul className="plain-list">{app.redirect_uris.map((u) => <li key={u}><code className="mono">{u}</code></li>)}</ul></dd>
                        <dt><Text size="200" weight="bold">Created</Text></dt>
                        <dd><Text size="200">{shortDate(app.created_at)}</Text></dd>
                      </dl>
                      <DevelopersTokens app={app} scopes={scopes} notify={notify} onIssued={setShown} />
                    </Box>
                  </li>
                ))}
              </ul>
            )}
      </Box>
      {creating && (
        <CreateAppModal onDismiss={() => setCreating(false)} onCreated={(created, name) => {
          setCreating(false);
          setShown(shownSecret(`${name} is registered`, created.client_id, created.client_secret));
          void load();
        }} />
      )}
      {asking?.kind === 'rotate' && (
        <ConfirmModal heading={`Rotate the secret of ${asking.app.name}?`} confirm="Rotate secret" busy={busy} onConfirm={answer} onDismiss={() => setAsking(null)}>
          A new client secret replaces the current one, which stops working at once. Tokens already issued keep working.
        </ConfirmModal>
      )}
      {asking?.kind === 'delete' && (
        <ConfirmModal heading={`Delete ${asking.app.name}?`} confirm="Delete app" busy={busy} onConfirm={answer} onDismiss={() => setAsking(null)}>
          The app, its redirect URIs and every token issued to it are deleted: apps and scripts using them stop working at once.
        </ConfirmModal>
      )}
      {shown && <ShownOnce {...shown} onDone={() => setShown(null)} />}
    </Box>
  );
}

/** Name and redirect URIs (one a line), posted to POST /api/app/apps; the server's message under the field it names. */
function CreateAppModal({ onDismiss, onCreated }: { onDismiss(): void; onCreated(created: { client_id: string; client_secret: string }, name: string): void }) {
  const [name, setName] = useState('');
  const [uris, setUris] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'uris' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    const list = uris.split(/\s+/).filter(Boolean);
    if (!name.trim()) { setError({ field: 'name', message: 'Give your app a name.' }); return; }
    if (!list.length) { setError({ field: 'uris', message: 'Give at least one redirect URI.' }); return; }
    setBusy(true);
    try {
      const { data, error: apiError } = await corkboard.POST('/api/app/apps', { body: { name: name.trim(), redirect_uris: list } });
      if (!data) {
        const message = errorMessage(apiError);
        // redirect URI messages may say "user name": they are about the URIs
        setError({ field: /redirect_uri/.test(message) ? 'uris' : /\bname\b/.test(message) ? 'name' : null, message });
        return;
      }
      onCreated(data, name.trim());
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  return (
    <Layer>
      <Modal accessibilityModalLabel="Create app" heading="Create app" onDismiss={onDismiss} size="sm" align="center"
        footer={
          <Flex justifyContent="end" gap={2}>
            <Button text="Cancel" color="gray" onClick={onDismiss} />
            <Button text="Create" color="red" disabled={busy} onClick={({ event }) => submit(event)} />
          </Flex>
        }>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap={4}>
            <TextField id="app-name" label="Name" placeholder='Like "Recipe sync"' value={name} onChange={({ value }) => setName(value)}
              errorMessage={error?.field === 'name' ? error.message : undefined} maxLength={{ characterCount: 100, errorAccessibilityLabel: 'Name is too long' }} />
            <TextArea id="app-redirect-uris" label="Redirect URIs" placeholder="https://example.com/oauth/callback" value={uris} rows={3}
              onChange={({ value }) => setUris(value)} errorMessage={error?.field === 'uris' ? error.message : undefined}
              helperText="One a line: https:, http: to localhost or 127.0.0.1, or an app scheme such as com.example.app:/cb. No fragments." />
            {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          </Flex>
        </form>
      </Modal>
    </Layer>
  );
}
