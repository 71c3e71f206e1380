// What people do in the app, reported to the server's analytics recorder (POST /events/beacon): pins shown
// (IMPRESSION, once per pin per page view), a pin opened (PIN_CLICK), a video started and how long it played.
// Events are batched for a moment and sent with sendBeacon, so a page being left still delivers them. The server
// applies its rules (bots, owners looking at their own pins, privacy) and counts an event id once.
import { viewNumber } from './router.js';

type BeaconEvent = { id: string; type: 'IMPRESSION' | 'PIN_CLICK' | 'VIDEO_START' | 'VIDEO_WATCH'; pin_id: string; watched_ms?: number };

const MAX_BATCH = 100; // the beacon's limit
let queue: BeaconEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let shown = { view: -1, pins: new Set<string>() };

// Not crypto.randomUUID: it exists only in secure contexts, and an instance may be served over plain http.
const eventId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

function send(events: BeaconEvent[]): void {
  const body = JSON.stringify({ events });
  // sendBeacon posts text/plain, which the recorder reads as JSON; fetch is the fallback where it refuses.
  if (!navigator.sendBeacon?.('/events/beacon', body)) {
    void fetch('/events/beacon', { method: 'POST', body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => undefined);
  }
}

export function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  while (queue.length) send(queue.splice(0, MAX_BATCH));
}

function report(event: Omit<BeaconEvent, 'id'>): void {
  queue.push({ id: eventId(), ...event });
  if (queue.length >= MAX_BATCH) flush();
  else timer ??= setTimeout(flush, 1000);
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);

/** A pin was shown in a grid: counted once per page view. */
export function reportImpression(pinId: string): void {
  if (shown.view !== viewNumber()) shown = { view: viewNumber(), pins: new Set() };
  if (shown.pins.has(pinId)) return;
  shown.pins.add(pinId);
  report({ type: 'IMPRESSION', pin_id: pinId });
}

/** A pin's closeup was opened. */
export function reportPinOpen(pinId: string): void {
  report({ type: 'PIN_CLICK', pin_id: pinId });
}

/**
 * Reports a video element's plays: VIDEO_START on its first play, and the time actually played (seeking not
 * counted) as VIDEO_WATCH when it pauses for good, ends or the page goes. Returns the function that stops it.
 */
export function watchVideo(video: HTMLVideoElement, pinId: string): () => void {
  let started = false;
  let watched = 0;
  let last: number | null = null;
  const done = () => {
    if (watched > 0) report({ type: 'VIDEO_WATCH', pin_id: pinId, watched_ms: Math.round(watched * 1000) });
    watched = 0;
  };
  const onPlay = () => {
    if (!started) { started = true; report({ type: 'VIDEO_START', pin_id: pinId }); }
    last = video.currentTime;
  };
  const onTime = () => {
    if (last === null || video.paused) return;
    const step = video.currentTime - last;
    if (step > 0 && step < 1.5) watched += step; // larger steps are seeks
    last = video.currentTime;
  };
  const onPause = () => { last = null; };
  const onEnded = () => { last = null; done(); started = false; };
  video.addEventListener('play', onPlay);
  video.addEventListener('timeupdate', onTime);
  video.addEventListener('pause', onPause);
  video.addEventListener('ended', onEnded);
  window.addEventListener('pagehide', done);
  return () => {
    done();
    video.removeEventListener('play', onPlay);
    video.removeEventListener('timeupdate', onTime);
    video.removeEventListener('pause', onPause);
    video.removeEventListener('ended', onEnded);
    window.removeEventListener('pagehide', done);
  };
}
