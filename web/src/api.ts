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

/** The data of an SDK call; its `{code, message}` error is thrown (errorMessage reads it). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const { data, error } = await call;
  if (data === undefined) throw error;
  return data;
}

/** An SDK call answered without a body (204); its error is thrown. */
export async function done(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw error;
}
