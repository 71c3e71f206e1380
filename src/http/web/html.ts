// A tiny HTML builder for the server-rendered pages (log-in and consent): values are escaped unless wrapped
// in raw(), so a page cannot be injected through a parameter. Pages carry no inline script or style (their CSP).
import { FORM_CSS } from './static-assets.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export class Raw { constructor(readonly value: string) {} }
export const raw = (value: string) => new Raw(value);

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: unknown): string {
  if (value instanceof Raw) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/** The app's mark (web/src/components/Logo.tsx), linking home. */
const BRAND = '<a class="brand" href="/" aria-label="Corkboard home"><svg viewBox="0 0 32 32" width="40" height="40" aria-hidden="true">'
  + '<circle cx="16" cy="16" r="16" fill="#e60023"/><path d="M21.5 11.2A7 7 0 1 0 21.5 20.8" fill="none" stroke="#fff" stroke-width="3.4" stroke-linecap="round"/></svg></a>';

export function page(title: string, body: Raw): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Corkboard</title>
<link rel="stylesheet" href="${FORM_CSS.path}"></head><body><main>${BRAND}${body.value}</main></body></html>`;
}
