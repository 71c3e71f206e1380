// One error class and one catalogue: the same fault always answers the same {code, message}.
// Codes and messages are Pinterest's own, taken from the examples in its published OpenAPI document.

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export const errors = {
  /** 400, code 1: a parameter is missing or malformed; the message names it. */
  invalid: (message: string) => new ApiError(400, 1, message),
  authFailed: (message = 'Authentication failed.') => new ApiError(401, 2, message),
  insufficientScope: (missing: string[]) =>
    new ApiError(401, 3, `Your token does not have sufficient permissions to perform this operation. Missing scopes: ${missing.join(', ')}.`),
  notAuthorized: (message = 'Not authorized to access board or Pin.') => new ApiError(403, 7, message),
  notPermitted: () => new ApiError(403, 29, 'You are not permitted to access that resource.'),
  methodNotAllowed: () => new ApiError(405, 5, 'Method not allowed'),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(429, 8, 'This request exceeded a rate limit. This can happen if the client exceeds one of the published rate limits within a short time window.', { 'retry-after': String(retryAfterSeconds) }),
  userNotFound: () => new ApiError(404, 30, 'User not found.'),
  boardNotFound: () => new ApiError(404, 40, 'Board not found.'),
  sectionNotFound: () => new ApiError(404, 2031, "Sorry! We couldn't find this board section."),
  pinNotFound: () => new ApiError(404, 50, 'Pin not found.'),
  notFound: (message = 'Not found.') => new ApiError(404, 404, message),
  conflict: (message: string) => new ApiError(409, 409, message),
  payloadTooLarge: (message: string) => new ApiError(413, 413, message),
  notImplemented: (what: string) => new ApiError(501, 4181, `Not implemented at the moment: ${what}. Please, see documentation.`),
  unavailable: (message: string) => new ApiError(503, 503, message),
} as const;
