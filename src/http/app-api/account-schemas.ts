// Wire schemas of the account routes (account-routes.ts): the profile as the settings page edits it, its
// changes, a profile image upload and a password change. The limits come from the profile service, which
// checks them again with what the schema cannot say (URLs, control characters).
import { Type } from '@sinclair/typebox';
import { PROFILE_IMAGE_TYPES, PROFILE_LIMITS, type ProfileImageType } from '../../services/account-settings.js';

export const Profile = Type.Object({
  id: Type.String(),
  username: Type.String(),
  account_type: Type.Union([Type.Literal('PINNER'), Type.Literal('BUSINESS')]),
  full_name: Type.String({ description: "The account's name: business_name in GET /v5/user_account; '' when it has none." }),
  about: Type.String(),
  website_url: Type.String(),
  profile_image: Type.Union([Type.String(), Type.Null()], { description: 'URL of the profile image (150x150), or null for the default avatar.' }),
}, { additionalProperties: false });

export const ProfileChanges = Type.Object({
  full_name: Type.Optional(Type.String({ maxLength: PROFILE_LIMITS.fullName, description: `The name shown on the profile, at most ${PROFILE_LIMITS.fullName} characters, one line; '' removes it (not for a BUSINESS account).` })),
  about: Type.Optional(Type.String({ maxLength: PROFILE_LIMITS.about, description: `About you, at most ${PROFILE_LIMITS.about} characters.` })),
  website_url: Type.Optional(Type.String({ maxLength: PROFILE_LIMITS.websiteUrl, description: "An http or https URL; '' removes it." })),
}, { additionalProperties: false, description: 'Only the fields given change.' });

export const ProfileImageUpload = Type.Object({
  // an enum rather than a union of literals: a refusal then lists the types (plugins/errors.ts)
  content_type: Type.Unsafe<ProfileImageType>({ type: 'string', enum: [...PROFILE_IMAGE_TYPES], description: 'What the data is; checked against its bytes.' }),
  data: Type.String({ minLength: 1, description: `The image, base64; at most ${PROFILE_LIMITS.imageBytes / 1048576} MB decoded.` }),
}, { additionalProperties: false });

export const PasswordChange = Type.Object({
  current_password: Type.String({ minLength: 1 }),
  new_password: Type.String({ description: 'At least 8 characters (at most 256), not the current one.' }),
}, { additionalProperties: false });

/** Component names in the OpenAPI document. */
export const ACCOUNT_SCHEMAS = { AccountProfile: Profile, ProfileChanges, ProfileImageUpload, PasswordChange };
