// Video media as Pinterest's clients drive it: register an upload (media_id + a signed POST form), upload the
// file, poll until processing has succeeded or failed, then attach the media to a pin. Processing is a durable
// job: probe, check the limits, make a servable MP4 and a default cover, then mark the media succeeded.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '../adapters/blob-store/blob-store.js';
import type { LocalUploads } from './local-uploads.js';
import type { JobQueue } from '../adapters/queue/queue.js';
import { frameAt, probe, transcode, ToolFailed, type ProbeResult, type VideoTools } from '../adapters/media/video.js';
import { ApiError, errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { isId, type IdGenerator } from '../lib/ids.js';
import type { MediaRepository, MediaRow } from '../repositories/media.js';
import type { ImageRow } from '../repositories/images.js';
import type { ImagesService } from './images.js';
import type { Principal } from './oauth.js';

export const PROCESS_JOB = 'media.process';

/** What a video must be to be accepted; documented in the README. */
export interface VideoLimits { maxBytes: number; minDurationMs: number; maxDurationMs: number; minSide: number; maxSide: number; servedHeight: number }

export interface Media { media_id: string; media_type: 'video'; status: MediaRow['status']; failure_reason?: string }
export interface MediaUpload { media_id: string; media_type: 'video'; upload_url: string; upload_parameters: Record<string, string> }


const UPLOAD_TTL_MS = 60 * 60 * 1000;

/** The media is unusable for a reason retrying will not change. */
class Refused extends Error {}

export class MediaService {
  constructor(
    private readonly repo: MediaRepository,
    private readonly blobs: BlobStore,
    /** Signs uploads to Corkboard's own endpoint when the blob store cannot take them itself. */
    readonly localUploads: LocalUploads,
    private readonly images: ImagesService,
    private readonly queue: JobQueue,
    private readonly tools: VideoTools,
    private readonly limits: VideoLimits,
    private readonly ids: IdGenerator,
  ) {
    queue.register<{ mediaId: string }>(PROCESS_JOB, {
      run: ({ mediaId }) => this.process(mediaId),
      giveUp: async ({ mediaId }, err) => { await this.fail(mediaId, `processing failed: ${err.message}`); },
    });
  }

  async register(p: Principal, mediaType: unknown): Promise<MediaUpload> {
    if (mediaType !== 'video') throw errors.invalid('Invalid parameters: media_type must be video.');
    const id = this.ids.next();
    const key = `uploads/${id}/source`;
    const now = new Date();
    const expires = new Date(now.getTime() + UPLOAD_TTL_MS);
    const grant = this.blobs.directUpload
      ? await this.blobs.directUpload(key, 'video/mp4', this.limits.maxBytes, expires)
      : this.localUploads.grant(key, 'video/mp4', this.limits.maxBytes, expires);
    await this.repo.insert({
      id, owner_id: p.user.id, media_type: 'video', status: 'registered', failure_reason: null, upload_key: key,
      upload_expires_at: expires.toISOString(), video_key: null, cover_hash: null, duration_ms: null, width: null, height: null,
      source_info: null, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    return { media_id: id, media_type: 'video', upload_url: grant.url, upload_parameters: grant.fields };
  }

  private async own(p: Principal, id: string): Promise<MediaRow> {
    const row = isId(id) ? await this.repo.byId(id) : undefined;
    if (!row || row.owner_id !== p.user.id) throw errors.notFound('Media not found.');
    return row;
  }

  async get(p: Principal, id: string): Promise<Media> {
    return this.present(await this.noticeUpload(await this.own(p, id)));
  }

  async list(p: Principal, page: PageRequest): Promise<Page<Media>> {
    const rows = await this.repo.listByOwner(p.user.id, page);
    const pageOf = toPage(rows, page, (r) => [r.id]);
    const items = [];
    for (const row of pageOf.items) items.push(this.present(await this.noticeUpload(row)));
    return { items, bookmark: pageOf.bookmark };
  }

  private present(row: MediaRow): Media {
    return { media_id: row.id, media_type: row.media_type, status: row.status, ...(row.failure_reason ? { failure_reason: row.failure_reason } : {}) };
  }

  /**
   * Uploads that went straight to S3 are noticed here, when the client polls (as Pinterest's clients do);
   * uploads to Corkboard's endpoint call uploaded() themselves.
   */
  private async noticeUpload(row: MediaRow): Promise<MediaRow> {
    if (row.status !== 'registered' || !this.blobs.directUpload) return row;
    if (!(await this.blobs.stat(row.upload_key))) return row;
    await this.uploaded(row.id);
    return (await this.repo.byId(row.id))!;
  }

  /** The file is in storage: start processing (once, however many times this is called). */
  async uploaded(id: string): Promise<void> {
    if (await this.repo.transition(id, 'registered', { status: 'processing' })) await this.queue.enqueue(PROCESS_JOB, { mediaId: id });
  }

  /** For the upload endpoint: the media a key was granted to, while it still takes an upload. */
  async awaitingUpload(key: string): Promise<MediaRow | undefined> {
    const row = await this.repo.byUploadKey(key);
    return row?.status === 'registered' ? row : undefined;
  }

  private async fail(id: string, reason: string): Promise<void> {
    await this.repo.transition(id, 'processing', { status: 'failed', failure_reason: reason });
  }

  /** The processing job. Safe to run again after a crash: it starts over from the kept upload. */
  private async process(id: string): Promise<void> {
    const row = await this.repo.byId(id);
    if (!row || row.status !== 'processing') return;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'corkboard-video-'));
    try {
      const source = path.join(dir, 'source');
      const upload = await this.blobs.get(row.upload_key);
      if (!upload) throw new Refused('the upload is missing');
      await pipeline(upload.body, createWriteStream(source));
      let info: ProbeResult;
      try { info = await probe(this.tools, source); } catch (err) {
        if (err instanceof ToolFailed) throw new Refused('the file is not a video ffprobe can read');
        throw err;
      }
      this.check(info);
      const output = path.join(dir, 'video.mp4');
      await transcode(this.tools, source, output, info, this.limits.servedHeight);
      const served = await probe(this.tools, output);
      const videoKey = `videos/${id}/video.mp4`;
      // Storing the video and making its default cover are independent: side by side.
      const [, cover] = await Promise.all([
        this.blobs.putFile(videoKey, output, 'video/mp4'),
        frameAt(this.tools, output, 0, served.durationMs).then((frame) => this.images.ingest(frame, 'video cover')),
      ]);
      await this.repo.transition(id, 'processing', {
        status: 'succeeded', video_key: videoKey, cover_hash: cover.hash, duration_ms: served.durationMs,
        width: served.video!.width, height: served.video!.height,
        source_info: JSON.stringify({ container: info.container, video: info.video, audio: info.audio, bytes: info.sizeBytes }),
      });
      await this.blobs.delete(row.upload_key);
    } catch (err) {
      if (!(err instanceof Refused)) throw err; // the queue retries, then gives up through fail()
      await this.fail(id, err.message);
      await this.blobs.delete(row.upload_key);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private check(info: ProbeResult): void {
    const l = this.limits;
    const v = info.video;
    if (!v || v.frames === 1 || /^(image2|png_pipe|jpeg_pipe|gif|webp_pipe|bmp_pipe|tiff_pipe)$/.test(info.container)) throw new Refused('the file is not a video');
    if (info.sizeBytes > l.maxBytes) throw new Refused(`the file is larger than ${l.maxBytes} bytes`);
    if (info.durationMs < l.minDurationMs || info.durationMs > l.maxDurationMs) {
      throw new Refused(`the video lasts ${info.durationMs} ms; it must last ${l.minDurationMs} to ${l.maxDurationMs} ms`);
    }
    if (Math.min(v.width, v.height) < l.minSide || Math.max(v.width, v.height) > l.maxSide) {
      throw new Refused(`the video is ${v.width}x${v.height}; each side must be ${l.minSide} to ${l.maxSide} pixels`);
    }
  }

  /**
   * The media and cover of a video pin being created: the media must be the caller's and processed. The cover is
   * the frame at cover_image_key_frame_time, the given image (fetched or decoded by the caller), or the default.
   */
  async forPin(p: Principal, mediaId: string, cover: { keyFrameSeconds?: number; image?: ImageRow }): Promise<{ media: MediaRow; cover: ImageRow }> {
    let media: MediaRow;
    try { media = await this.own(p, mediaId); } catch (err) {
      if (err instanceof ApiError) throw errors.invalid('Invalid parameters: media_source.media_id is not a media upload of yours.');
      throw err;
    }
    if (media.status !== 'succeeded') {
      throw errors.invalid(`Invalid parameters: media_source.media_id is ${media.status}${media.failure_reason ? ` (${media.failure_reason})` : ''}; a pin needs a media that has succeeded.`);
    }
    if (cover.image) return { media, cover: cover.image };
    if (cover.keyFrameSeconds === undefined) return { media, cover: (await this.images.byHashes([media.cover_hash!])).get(media.cover_hash!)! };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'corkboard-frame-'));
    try {
      const file = path.join(dir, 'video.mp4');
      const video = await this.blobs.get(media.video_key!);
      if (!video) throw new Error(`video ${media.video_key} is missing from storage`);
      await pipeline(video.body, createWriteStream(file));
      const frame = await frameAt(this.tools, file, cover.keyFrameSeconds, media.duration_ms!);
      return { media, cover: await this.images.ingest(frame, 'media_source.cover_image_key_frame_time') };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  videoUrl(media: MediaRow): string {
    return this.images.url(media.video_key!);
  }

  async byIds(ids: string[]): Promise<Map<string, MediaRow>> {
    return this.repo.byIds(ids);
  }
}
