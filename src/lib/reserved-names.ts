// First path segments that belong to the app's own pages and endpoints (or are kept for them): never a user's
// name, so /<user>/ can never shadow them. Sign-up refuses them; the public pages pass them on as not found.
export const RESERVED_NAMES = new Set([
  'v1', 'v3', 'v5', 'oauth', 'media', 'uploads', 'upload', 'assets', 'static', 'resource', 'url_shortener', 'api', 'app',
  'login', 'logout', 'signup', 'settings', 'pin', 'pins', 'pin-builder', 'pidgets', 'events', 'web', 'search', 'ideas',
  'today', 'about', 'help', 'business', 'developers', 'downloads', 'analytics', 'admin', '_corkboard', 'corkboard',
  'health', 'healthz', 'readyz', 'metrics', 'www', 'favicon', 'favicon.ico', 'robots', 'robots.txt',
]);
