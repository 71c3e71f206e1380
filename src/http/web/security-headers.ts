// Headers on every answer of the web side (the web scope of app.ts): nosniff on all of them, and on HTML pages a
// Content-Security-Policy and X-Frame-Options that keep them from being framed (log-in and consent pages above
// all: a framed consent page can be clickjacked) and allow scripts, styles and media from this origin only.
// The pages carry no inline script or style for this reason (static-assets.ts). There is no form-action: the
// consent form's answer redirects to the app's redirect_uri, which browsers would check against it.
// The widgets (/v3) and web resources are outside the web scope and stay embeddable.
import type { FastifyInstance } from 'fastify';

export function contentSecurityPolicy(publicUrl: string): string {
  // Media URLs are absolute on the public URL, which may differ from the origin a page was asked on.
  const media = `'self' ${new URL(publicUrl).origin}`;
  // media-src also takes blob: so Create Pin can play the chosen video file before it is uploaded (only this
  // origin's scripts can make a blob: URL; images stay without it, previews draw them on canvases).
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", `img-src ${media}`, `media-src ${media} blob:`, "connect-src 'self'",
    "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(app: FastifyInstance, publicUrl: () => string): void {
  let cached = { url: '', policy: '' };
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      if (cached.url !== publicUrl()) cached = { url: publicUrl(), policy: contentSecurityPolicy(publicUrl()) };
      reply.header('content-security-policy', cached.policy).header('x-frame-options', 'DENY');
    }
    return payload;
  });
}
