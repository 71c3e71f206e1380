// Video probing, transcoding and frame grabs with ffprobe/ffmpeg (static builds from npm, or binaries named by
// CORKBOARD_FFMPEG_PATH / CORKBOARD_FFPROBE_PATH). Arguments are passed as arrays, never through a shell.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface VideoTools { ffmpeg: string; ffprobe: string }

export function videoTools(overrides: { ffmpegPath: string | null; ffprobePath: string | null }): VideoTools {
  return {
    ffmpeg: overrides.ffmpegPath ?? (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
    ffprobe: overrides.ffprobePath ?? (require('@ffprobe-installer/ffprobe') as { path: string }).path,
  };
}

/** A tool exited non-zero; `stderr` holds its last words. */
export class ToolFailed extends Error {}

function run(cmd: string, args: string[], opts: { timeoutMs: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: opts.timeoutMs, killSignal: 'SIGKILL' });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => { err = (err + c.toString()).slice(-2000); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out));
      reject(new ToolFailed(`${cmd.split('/').pop()} ${signal ? `was killed (${signal})` : `exited ${code}`}: ${err.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

export interface ProbeResult {
  container: string;
  durationMs: number;
  sizeBytes: number;
  video: { codec: string; width: number; height: number; pixFmt: string; frames: number | null } | null;
  audio: { codec: string } | null;
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: Array<{
    codec_type?: string; codec_name?: string; width?: number; height?: number; pix_fmt?: string; nb_frames?: string;
    tags?: { rotate?: string }; side_data_list?: Array<{ rotation?: number }>; disposition?: { attached_pic?: number };
  }>;
}

export async function probe(tools: VideoTools, file: string): Promise<ProbeResult> {
  const raw = await run(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { timeoutMs: 60_000 });
  const json = JSON.parse(raw.toString()) as FfprobeJson;
  const v = json.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = json.streams?.find((s) => s.codec_type === 'audio');
  const rotation = Math.abs(Number(v?.tags?.rotate ?? v?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0)) % 180;
  const [w, h] = [v?.width ?? 0, v?.height ?? 0];
  return {
    container: json.format?.format_name ?? 'unknown',
    durationMs: Math.round(Number(json.format?.duration ?? 0) * 1000),
    sizeBytes: Number(json.format?.size ?? 0),
    // Displayed size: a phone video stored landscape with a 90° rotation plays portrait.
    video: v ? { codec: v.codec_name ?? 'unknown', width: rotation === 90 ? h : w, height: rotation === 90 ? w : h, pixFmt: v.pix_fmt ?? '', frames: v.nb_frames ? Number(v.nb_frames) : null } : null,
    audio: a ? { codec: a.codec_name ?? 'unknown' } : null,
  };
}

/** Whether the source already is what we serve: H.264 (yuv420p) with AAC or no audio, in MP4, at most maxHeight. */
export function isServable(p: ProbeResult, maxHeight: number): boolean {
  return p.container.split(',').includes('mp4') && p.video?.codec === 'h264' && p.video.pixFmt === 'yuv420p'
    && Math.min(p.video.width, p.video.height) <= maxHeight && (!p.audio || p.audio.codec === 'aac');
}

/**
 * Writes `output` as H.264/AAC MP4 with the index up front (plays while downloading), scaled so the short side is
 * at most maxHeight. A source that is already servable is only remuxed, which is lossless and fast.
 */
export async function transcode(tools: VideoTools, input: string, output: string, p: ProbeResult, maxHeight: number): Promise<void> {
  await run(tools.ffmpeg, transcodeArgs(input, output, p, maxHeight), { timeoutMs: 30 * 60_000 });
}

/** The ffmpeg arguments transcode() runs (exported so the bench can time ffmpeg alone on the same work). */
export function transcodeArgs(input: string, output: string, p: ProbeResult, maxHeight: number): string[] {
  const base = ['-hide_banner', '-v', 'error', '-y', '-i', input, '-map', '0:v:0', '-map', '0:a:0?', '-map_metadata', '-1', '-movflags', '+faststart'];
  return isServable(p, maxHeight)
    ? [...base, '-c', 'copy', output]
    : [...base, '-vf', `scale='if(gt(iw,ih),-2,min(${maxHeight},iw))':'if(gt(iw,ih),min(${maxHeight},ih),-2)'`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', output];
}

/**
 * One frame at `seconds` (clamped to the last frame, as Pinterest does) as a JPEG of the highest quality: a cover
 * is stored in the format it arrives in (images keep their format), and Pinterest's covers are JPEG.
 */
export async function frameAt(tools: VideoTools, input: string, seconds: number, durationMs: number): Promise<Buffer> {
  const at = Math.max(0, Math.min(seconds, durationMs / 1000 - 0.1));
  const jpeg = await run(tools.ffmpeg, ['-hide_banner', '-v', 'error', '-ss', at.toFixed(3), '-i', input, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'mjpeg', '-q:v', '1', 'pipe:1'], { timeoutMs: 60_000 });
  if (!jpeg.length) throw new ToolFailed('ffmpeg produced no frame');
  return jpeg;
}
