// The stylesheets and the one script of the server-rendered pages, served from /assets/ rather than inline, so
// the pages' Content-Security-Policy can allow scripts and styles from this origin only (security-headers.ts).
// Each URL carries a hash of its content, so browsers may keep it as long as they like.
import type { FastifyInstance } from 'fastify';
import { sha256 } from '../../lib/secrets.js';

interface Asset { path: string; type: string; body: string }

function asset(name: string, type: string, body: string): Asset {
  return { path: `/assets/${name}?v=${sha256(body).slice(0, 12)}`, type, body };
}

/** The log-in, consent and error pages (html.ts). */
export const FORM_CSS = asset('form.css', 'text/css; charset=utf-8', `body{font-family:system-ui,sans-serif;background:#f6f6f3;color:#211922;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:16px;box-shadow:0 2px 12px #0002;padding:32px;max-width:440px;width:100%}
h1{font-size:1.4rem;margin:0 0 16px}label{display:block;margin:12px 0 4px;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #ccc;border-radius:8px;font-size:1rem}
button{padding:10px 18px;border-radius:24px;border:0;font-size:1rem;cursor:pointer;margin-top:16px}
.primary{background:#e60023;color:#fff}.secondary{background:#e9e9e9}.error{color:#b00020}
ul.scopes li{margin:6px 0}.muted{color:#666;font-size:.9rem}
`);

/** The public pin, profile and board pages (public-pages.ts). */
export const PUBLIC_CSS = asset('public.css', 'text/css; charset=utf-8', `body{font-family:system-ui,sans-serif;background:#fff;color:#211922;margin:0}
header{padding:12px 24px;border-bottom:1px solid #eee}header a{color:#e60023;font-weight:700;text-decoration:none}
main{max-width:1200px;margin:0 auto;padding:24px}h1{font-size:1.8rem;margin:0 0 8px}
.muted{color:#666}.grid{columns:236px;column-gap:16px}.tile{break-inside:avoid;margin:0 0 16px;display:block;color:inherit;text-decoration:none}
.tile img{width:100%;border-radius:16px;display:block}.tile span{display:block;font-size:.9rem;margin:4px 2px}
.pin img,.pin video{max-width:100%;border-radius:16px;display:block;margin:0 0 12px}
ul.links{list-style:none;padding:0}ul.links li{margin:6px 0}a{color:#0074e8}.more{display:inline-block;margin:16px 0}
.avatar{border-radius:50%;display:block;object-fit:cover;margin:0 0 12px}.about{white-space:pre-line}
`);

/** Tells analytics a video started, and how long it played per page view (VIDEO_START, VIDEO_WATCH). */
export const PLAYER_BEACON_JS = asset('player-beacon.js', 'application/javascript; charset=utf-8', `(function(){var v=document.querySelector('video[data-pin]');if(!v)return;
var pin=v.getAttribute('data-pin'),started=false,watched=0,last=null;
function id(){return Date.now().toString(36)+Math.random().toString(36).slice(2,12)}
function send(e){var b=JSON.stringify({events:e});if(!(navigator.sendBeacon&&navigator.sendBeacon('/events/beacon',b)))fetch('/events/beacon',{method:'POST',body:b,keepalive:true,headers:{'content-type':'application/json'}})}
v.addEventListener('play',function(){if(!started){started=true;send([{id:id(),type:'VIDEO_START',pin_id:pin}])}last=v.currentTime});
v.addEventListener('timeupdate',function(){if(last!==null&&!v.paused){var d=v.currentTime-last;if(d>0&&d<1.5)watched+=d;last=v.currentTime}});
function flush(){if(watched>0){send([{id:id(),type:'VIDEO_WATCH',pin_id:pin,watched_ms:Math.round(watched*1000)}]);watched=0}}
v.addEventListener('pause',function(){last=null});v.addEventListener('ended',function(){last=null;flush();started=false});
addEventListener('pagehide',flush);})();
`);

export function staticAssetRoutes(app: FastifyInstance): void {
  for (const a of [FORM_CSS, PUBLIC_CSS, PLAYER_BEACON_JS]) {
    app.get(a.path.split('?')[0]!, async (_req, reply) => reply.type(a.type).header('cache-control', 'public, max-age=31536000, immutable').send(a.body));
  }
}
