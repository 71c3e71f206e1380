// A person's own profile, as the settings page edits it: the name (the account's business_name, the one name
// field GET /v5/user_account has), about, website and profile image. The image goes through the pins' image
// pipeline (decoded, variants stored once per content under /media/); the user row keeps the key of its square
// variant, and an image no pin or profile uses any more is reclaimed.
import { errors } from '../lib/api-error.js';
import { decodeBase64 } from '../lib/base64.js';
import { sniffImageType } from '../lib/image-type.js';
import type { ProfileFields, UserRow, UsersRepository } from '../repositories/users.js';
import { hashOfKey, type ImagesService } from './images.js';

/**
 * Pinterest's limits where it has them: a profile name of 65 characters (it was 30 until 2023) and an about
 * (bio) of 500; a website as long as a pin's link (2,048). A profile image of at most 10 MB of JPEG, PNG, WebP
 * or GIF (Pinterest's profile photo upload takes the common web formats; half a pin's 20 MB is plenty for an
 * avatar shown at most a few hundred pixels wide).
 */
export const PROFILE_LIMITS = { fullName: 65, about: 500, websiteUrl: 2048, imageBytes: 10 * 1024 * 1024 } as const;
export const PROFILE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type ProfileImageType = (typeof PROFILE_IMAGE_TYPES)[number];

const TYPE_NAMES: Record<ProfileImageType, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/gif': 'GIF' };
const PROFILE_IMAGE_SIZE = '150x150'; // a square crop around what draws the eye: an avatar

export interface Profile {
  id: string;
  username: string;
  account_type: UserRow['account_type'];
  /** '' when the account has none (the username stands in for it). */
  full_name: string;
  about: string;
  website_url: string;
  profile_image: string | null;
}

export interface ProfileChanges { full_name?: string; about?: string; website_url?: string }

/** The URL of a user's profile image, or of the default avatar when there is none. */
export function profileImageUrl(user: Pick<UserRow, 'profile_image'>, publicUrl: string): string {
  return user.profile_image ? `${publicUrl}/media/${user.profile_image}` : `${publicUrl}/assets/default-avatar.svg`;
}

const invalid = (message: string) => errors.invalid(`Invalid parameters: ${message}`);
const length = (s: string) => [...s].length; // characters as people count them, not UTF-16 units
// Control characters (C0, DEL, C1) have no place in a name; an about keeps its line breaks and tabs.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function checkName(value: string, user: UserRow): string | null {
  const name = value.trim();
  if (CONTROL.test(name)) throw invalid('full_name must be one line of text, without control characters.');
  if (length(name) > PROFILE_LIMITS.fullName) throw invalid(`full_name must be at most ${PROFILE_LIMITS.fullName} characters.`);
  if (!name && user.account_type === 'BUSINESS') throw invalid('full_name is the business name of a BUSINESS account, and cannot be empty.');
  return name || null;
}

function checkAbout(value: string): string {
  const about = value.trim();
  if (CONTROL_BUT_LINES.test(about)) throw invalid('about must be text, without control characters.');
  if (length(about) > PROFILE_LIMITS.about) throw invalid(`about must be at most ${PROFILE_LIMITS.about} characters.`);
  return about;
}

function checkWebsite(value: string): string {
  const website = value.trim();
  if (!website) return '';
  if (length(website) > PROFILE_LIMITS.websiteUrl) throw invalid(`website_url must be at most ${PROFILE_LIMITS.websiteUrl} characters.`);
  let url: URL;
  try { url = new URL(website); } catch { throw invalid('website_url is not a URL: give the whole address, e.g. https://example.com/.'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('website_url must be an http or https URL.');
  if (!url.hostname) throw invalid('website_url must name a host.');
  if (url.username || url.password) throw invalid('website_url must not carry a user name or password.');
  if (/\s/.test(website)) throw invalid('website_url must not contain spaces.');
  return website;
}

export class AccountSettingsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly images: ImagesService,
    private readonly publicUrl: () => string,
    /** Told after every change: caches holding the user's row (checked access tokens) forget it. */
    private readonly changed: (userId: string) => void,
  ) {}

  present(user: UserRow): Profile {
    return {
      id: user.id, username: user.username, account_type: user.account_type, full_name: user.business_name ?? '',
      about: user.about, website_url: user.website_url, profile_image: user.profile_image ? profileImageUrl(user, this.publicUrl()) : null,
    };
  }

  /** Applies the fields given (each checked first: nothing changes when one is refused). */
  async update(user: UserRow, changes: ProfileChanges): Promise<Profile> {
    const fields: ProfileFields = {};
    if (changes.full_name !== undefined) fields.business_name = checkName(changes.full_name, user);
    if (changes.about !== undefined) fields.about = checkAbout(changes.about);
    if (changes.website_url !== undefined) fields.website_url = checkWebsite(changes.website_url);
    return this.save(user, fields);
  }

  /** A new profile image from base64 `data` of `contentType`; 400 naming the field when it is not one. */
  async setImage(user: UserRow, contentType: string, data: string): Promise<Profile> {
    if (!(PROFILE_IMAGE_TYPES as readonly string[]).includes(contentType)) throw invalid(`content_type must be one of ${PROFILE_IMAGE_TYPES.join(', ')}.`);
    const bytes = decodeBase64(data, 'data');
    if (bytes.length > PROFILE_LIMITS.imageBytes) throw invalid(`data is ${bytes.length} bytes: a profile image may be at most ${PROFILE_LIMITS.imageBytes / 1048576} MB.`);
    const sniffed = sniffImageType(bytes);
    if (sniffed !== contentType) {
      throw invalid(sniffed ? `data is a ${TYPE_NAMES[sniffed]} image, not the ${contentType} content_type says.`
        : `data is not a ${TYPE_NAMES[contentType as ProfileImageType]} image (nor any of ${Object.values(TYPE_NAMES).join(', ')}).`);
    }
    const image = await this.images.ingest(bytes, 'data'); // decodes for real: truncated or corrupt data is a 400
    return this.save(user, { profile_image: this.images.key(image, PROFILE_IMAGE_SIZE) });
  }

  async removeImage(user: UserRow): Promise<Profile> {
    return this.save(user, { profile_image: null });
  }

  private async save(user: UserRow, fields: ProfileFields): Promise<Profile> {
    await this.users.updateProfile(user.id, fields);
    const updated = { ...user, ...fields };
    this.changed(user.id);
    // The image replaced is deleted unless a pin or another profile still shows it.
    const old = user.profile_image && user.profile_image !== updated.profile_image ? hashOfKey(user.profile_image) : undefined;
    if (old) await this.images.reclaim([old]);
    return this.present(updated);
  }
}
