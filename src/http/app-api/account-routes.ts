// The /api/app/ routes of the settings page: the signed-in person's profile (read, edit, profile image) and
// password. /v5 has no write for the user account, so these are Corkboard's own.
import type { AppRoute } from './routes.js';
import { PasswordChange, Profile, ProfileChanges, ProfileImageUpload } from './account-schemas.js';
import { AppError } from './schemas.js';

const error = (description: string) => ({ description, schema: AppError });
const loggedOut = error('No one is logged in.');
const csrfRefused = error('The CSRF proof is missing or wrong, or the request is cross-site.');

export const ACCOUNT_ROUTES = {
  getProfile: {
    method: 'GET', path: '/api/app/account', operationId: 'account/get', tag: 'account', csrf: false,
    summary: "The logged-in user's profile, for editing.",
    responses: { 200: { description: 'The profile.', schema: Profile }, 401: loggedOut },
  },
  updateProfile: {
    method: 'PATCH', path: '/api/app/account', operationId: 'account/update', tag: 'account', csrf: true,
    summary: 'Changes the name, about or website of the logged-in user; GET /v5/user_account and the profile page show it at once.',
    body: ProfileChanges,
    responses: {
      200: { description: 'The profile as changed.', schema: Profile },
      400: error('A field breaks its rule (length, one line, http or https URL); the message names it. Nothing changed.'),
      401: loggedOut, 403: csrfRefused,
    },
  },
  setProfileImage: {
    method: 'PUT', path: '/api/app/account/profile-image', operationId: 'account/profile-image/set', tag: 'account', csrf: true,
    summary: 'A new profile image: decoded and stored like a pin image, shown as a 150x150 square crop.',
    body: ProfileImageUpload,
    responses: {
      200: { description: 'The profile with its new image.', schema: Profile },
      400: error('Not base64, not the declared type, larger than 10 MB, or not a usable image; the message says which.'),
      401: loggedOut, 403: csrfRefused,
    },
  },
  removeProfileImage: {
    method: 'DELETE', path: '/api/app/account/profile-image', operationId: 'account/profile-image/delete', tag: 'account', csrf: true,
    summary: 'Removes the profile image: the default avatar shows again.',
    responses: { 200: { description: 'The profile without an image.', schema: Profile }, 401: loggedOut, 403: csrfRefused },
  },
  changePassword: {
    method: 'POST', path: '/api/app/account/password', operationId: 'account/password', tag: 'account', csrf: true,
    summary: 'Changes the password; every other session of the user ends, this one stays. Throttled with log-in.',
    body: PasswordChange,
    responses: {
      204: { description: 'Changed; other sessions are logged out.' },
      400: error('current_password is wrong, or new_password breaks its rule; the message names the field.'),
      401: loggedOut, 403: csrfRefused,
      429: error('Too many failed log-ins or password checks for the account or address (Retry-After).'),
    },
  },
} as const satisfies Record<string, AppRoute>;
