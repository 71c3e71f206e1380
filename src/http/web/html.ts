// A tiny HTML builder for the server-rendered pages (log-in and consent): values are escaped unless wrapped
// in raw(), so a page cannot be injected through a parameter.
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

export function page(title: string, body: Raw): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Corkboard</title>
<style>
body{font-family:system-ui,sans-serif;background:#f6f6f3;color:#211922;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:16px;box-shadow:0 2px 12px #0002;padding:32px;max-width:440px;width:100%}
h1{font-size:1.4rem;margin:0 0 16px}label{display:block;margin:12px 0 4px;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #ccc;border-radius:8px;font-size:1rem}
button{padding:10px 18px;border-radius:24px;border:0;font-size:1rem;cursor:pointer;margin-top:16px}
.primary{background:#e60023;color:#fff}.secondary{background:#e9e9e9}.error{color:#b00020}
ul.scopes li{margin:6px 0}.muted{color:#666;font-size:.9rem}
</style></head><body><main>${body.value}</main></body></html>`;
}
