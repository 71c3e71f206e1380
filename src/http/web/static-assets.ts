// The stylesheets and the one script of the server-rendered pages, served from /assets/ rather than inline, so
// the pages' Content-Security-Policy can allow scripts and styles from this origin only (security-headers.ts).
// Each URL carries a hash of its content, so browsers may keep it as long as they like.
import type { FastifyInstance } from 'fastify';
import { sha256 } from '../../lib/secrets.js';

interface Asset { path: string; type: string; body: string }

function asset(name: string, type: string, body: string): Asset {
  return { path: `/assets/${name}?v=${sha256(body).slice(0, 12)}`, type, body };
}

/**
 * The log-in, consent and error pages (html.ts), in the web app's look (Gestalt's): its font stack and colours,
 * a rounded card, pill buttons (red for the main action), 16 px-rounded fields with a focus ring. Server-rendered,
 * so they work without the app's bundle.
 */
export const FORM_CSS = asset('form.css', 'text/css; charset=utf-8', `*{box-sizing:border-box}
html,body{margin:0}
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Helvetica,Arial,sans-serif;background:#efefef;color:#111;
font-size:16px;line-height:1.4;display:flex;min-height:100vh;align-items:center;justify-content:center;padding:24px 12px}
main{background:#fff;border-radius:32px;box-shadow:0 0 24px rgba(0,0,0,.1);padding:32px 24px 24px;max-width:484px;width:100%}
@media (min-width:600px){main{padding:40px 48px 32px}}
.brand{display:flex;justify-content:center;margin:0 0 12px}.brand svg{display:block}
h1{font-size:28px;line-height:1.2;font-weight:600;letter-spacing:-.4px;text-align:center;margin:0 0 16px;overflow-wrap:anywhere}
p{margin:0 0 16px;overflow-wrap:anywhere}
label{display:block;margin:16px 0 4px 8px;font-size:12px;font-weight:400;color:#111}
input[type=text],input[type=password]{display:block;width:100%;min-height:48px;padding:12px 16px;border:2px solid #cdcdcd;border-radius:16px;
font:inherit;color:#111;background:#fff}
input[type=text]:hover,input[type=password]:hover{border-color:#767676}
input:focus,button:focus{outline:0}
input:focus-visible{border-color:#767676;box-shadow:0 0 0 4px rgba(0,132,255,.5)}
button:focus-visible{box-shadow:0 0 0 4px rgba(0,132,255,.5)}
form button,.actions button{display:block;width:100%;min-height:48px;margin:24px 0 0;padding:12px 20px;border:0;border-radius:24px;
font:inherit;font-weight:600;cursor:pointer}
.actions{display:flex;flex-direction:column-reverse;gap:8px;margin-top:24px}.actions button{margin:0}
@media (min-width:600px){.actions{flex-direction:row;justify-content:flex-end}.actions button{width:auto;min-width:120px}}
.primary{background:#e60023;color:#fff}.primary:hover{background:#ad081b}
.secondary{background:#e9e9e9;color:#111}.secondary:hover{background:#e1e1e1}
.error{color:#b60000;font-weight:600}
.signed-in{text-align:center;color:#767676;font-size:14px}
ul.scopes{list-style:none;margin:0;padding:8px 16px;background:#f1f1f1;border-radius:16px}
ul.scopes li{padding:10px 0 10px 32px;position:relative}ul.scopes li+li{border-top:1px solid #e1e1e1}
ul.scopes li::before{content:"";position:absolute;left:4px;top:14px;width:14px;height:8px;border-left:3px solid #e60023;border-bottom:3px solid #e60023;transform:rotate(-45deg)}
ul.scopes strong{font-weight:600}ul.scopes .muted{color:#5f5f5f}
.muted{color:#767676;font-size:14px}
.footnote{text-align:center;margin:16px 0 0}
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
