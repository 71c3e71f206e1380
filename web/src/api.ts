// The web app's two SDK clients, sharing one CSRF token, and how an API error is shown.
import { createCorkboardClient, createPinterestClient, CsrfToken } from '../../src/sdk/index.js';

const csrf = new CsrfToken(window.location.origin);
export const corkboard = createCorkboardClient({ csrf });
export const pinterest = createPinterestClient({ csrf });

/** The message of a `{code, message}` error body, or a general one (network failure, unexpected body). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
