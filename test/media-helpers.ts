// Shared by the video tests: the upload form as Pinterest's clients send it, and polling until processing ends.
import { api } from './helpers.js';

export interface Registered { media_id: string; upload_url: string; upload_parameters: Record<string, string> }

/** POSTs the form exactly as Pinterest's docs say: every upload parameter, then the file. */
export async function upload(reg: Pick<Registered, 'upload_url' | 'upload_parameters'>, file: Buffer, override: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...reg.upload_parameters, ...override })) fd.append(k, v);
  fd.append('file', new Blob([file], { type: 'video/mp4' }), 'video.mp4');
  const res = await fetch(reg.upload_url, { method: 'POST', body: fd });
  return { status: res.status, text: await res.text() };
}

export async function settled(base: string, token: string, id: string): Promise<any> {
  for (let i = 0; i < 240; i++) {
    const res = await api(base, 'GET', `/v5/media/${id}`, { token });
    if (res.data.status === 'succeeded' || res.data.status === 'failed') return res.data;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`media ${id} did not settle`);
}
