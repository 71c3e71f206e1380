// A video's way to a pin, as a third-party app drives Pinterest's API: register it (POST /v5/media), POST the
// signed form with the file to upload_url (XMLHttpRequest, for upload progress events; fetch has none), then poll
// GET /v5/media/{media_id} until its status is succeeded or failed. The embedded server's upload_url is its own
// /uploads/ on the public URL, which the page's CSP (connect-src 'self') lets the app reach when the page is on
// that origin too.
import type { PinterestComponents } from '../../src/sdk/index.js';
import { errorMessage, pinterest } from './api.js';

export type MediaStatus = PinterestComponents['schemas']['MediaUploadStatus'];

export type VideoUpload =
  | { phase: 'registering' }
  | { phase: 'uploading'; mediaId: string; loaded: number; total: number }
  /** Uploaded: the API's status as last polled (registered until the server has the file, then processing). */
  | { phase: 'processing'; mediaId: string; status: MediaStatus }
  | { phase: 'succeeded'; mediaId: string }
  | { phase: 'failed'; mediaId?: string; message: string };

const POLL_MS = 1000;

/** S3's XML error (<Error><Message>...) as one sentence, or the status when the body is something else. */
function uploadError(xhr: XMLHttpRequest): string {
  const doc = new DOMParser().parseFromString(xhr.responseText || '<x/>', 'application/xml');
  const message = doc.querySelector('Error > Message')?.textContent?.trim();
  return `The upload was refused (${xhr.status}${message ? `: ${message}` : ''}).`;
}

/** Every upload parameter, then the file, as one multipart POST; progress in bytes sent. */
function postForm(url: string, fields: Record<string, string>, file: File, signal: AbortSignal,
  onProgress: (loaded: number, total: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(uploadError(xhr))));
    xhr.onerror = () => reject(new Error('The upload could not reach the server.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

/** Runs the whole way, reporting each step; stops quietly when `signal` aborts (the video was removed). */
export async function uploadVideo(file: File, signal: AbortSignal, report: (state: VideoUpload) => void): Promise<void> {
  const say = (state: VideoUpload) => { if (!signal.aborted) report(state); };
  let mediaId: string | undefined;
  try {
    say({ phase: 'registering' });
    const { data: reg, error } = await pinterest.POST('/media', { body: { media_type: 'video' }, signal });
    if (!reg) throw new Error(errorMessage(error));
    mediaId = reg.media_id;
    const id = mediaId;
    if (!reg.upload_url || !reg.upload_parameters) throw new Error('The server gave no upload URL for the video.');
    // The CSP would refuse another origin with only a console line to show for it: say so instead.
    const target = new URL(reg.upload_url, window.location.href).origin;
    if (target !== window.location.origin) {
      throw new Error(`The video's upload URL (${target}) is not this page's origin, and the page may send only to its own: open Corkboard at its public URL (uploads to outside storage are not possible from the app yet).`);
    }
    say({ phase: 'uploading', mediaId: id, loaded: 0, total: file.size });
    await postForm(reg.upload_url, reg.upload_parameters as Record<string, string>, file, signal,
      (loaded, total) => say({ phase: 'uploading', mediaId: id, loaded, total }));
    say({ phase: 'processing', mediaId: id, status: 'processing' });
    while (!signal.aborted) {
      const { data: media, error: pollError } = await pinterest.GET('/media/{media_id}', { params: { path: { media_id: id } }, signal });
      if (!media) throw new Error(errorMessage(pollError));
      if (media.status === 'succeeded') { say({ phase: 'succeeded', mediaId: id }); return; }
      if (media.status === 'failed') {
        const reason = (media as { failure_reason?: string }).failure_reason;
        say({ phase: 'failed', mediaId: id, message: `The video could not be processed${reason ? `: ${reason}` : ''}.` });
        return;
      }
      say({ phase: 'processing', mediaId: id, status: media.status ?? 'processing' });
      await sleep(POLL_MS, signal);
    }
  } catch (e) {
    if (signal.aborted) return;
    say({ phase: 'failed', ...(mediaId ? { mediaId } : {}), message: e instanceof Error ? e.message : errorMessage(e) });
  }
}
