// Create Pin's video: the chosen file plays in a <video> of its own (a blob: URL, which the page CSP's media-src
// allows for this), uploads at once with its progress shown, then shows the API's processing status until the
// video can be pinned. The cover is a frame of the video, picked with a slider that seeks the preview to it; it
// is sent as cover_image_key_frame_time (the server takes that frame from the processed video itself), which the
// spec types as whole seconds.
import { Box, Flex, IconButton, Status, Text } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadVideo, type VideoUpload } from '../video-upload.js';

export interface VideoDraft { key: number; file: File; url: string; upload: VideoUpload }

let nextKey = 0;

/** The chosen video and its upload; removing it (or leaving the page) cancels what is still going on. */
export function useVideoDraft() {
  const [draft, setDraft] = useState<VideoDraft | null>(null);
  const running = useRef<{ abort: AbortController; url: string } | null>(null);
  const stop = useCallback(() => {
    running.current?.abort.abort();
    if (running.current) URL.revokeObjectURL(running.current.url);
    running.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const choose = useCallback((file: File) => {
    stop();
    const abort = new AbortController();
    const url = URL.createObjectURL(file);
    const key = nextKey++;
    running.current = { abort, url };
    setDraft({ key, file, url, upload: { phase: 'registering' } });
    void uploadVideo(file, abort.signal, (upload) => setDraft((d) => (d?.key === key ? { ...d, upload } : d)));
  }, [stop]);
  const remove = useCallback(() => { stop(); setDraft(null); }, [stop]);
  return { draft, choose, remove };
}

const percent = (loaded: number, total: number) => (total > 0 ? Math.floor((loaded / total) * 100) : 0);

/** What the upload is doing, in words (a live region: each step is announced, not each percent). */
function UploadStatus({ upload }: { upload: VideoUpload }) {
  switch (upload.phase) {
    case 'registering': return <Status type="queued" title="Preparing the upload" />;
    case 'uploading': return <Status type="inProgress" title="Uploading" subtext="Keep this page open until the upload is done." />;
    case 'processing': return <Status type="inProgress" title="Processing" subtext={`Status: ${upload.status}. The pin can be published once the video is processed.`} />;
    case 'succeeded': return <Status type="ok" title="Ready to publish" subtext="Status: succeeded" />;
    case 'failed': return <Status type="problem" title="Failed" subtext={upload.message} />;
  }
}

export function VideoDraftView({ draft, cover, onCover, onRemove }: {
  draft: VideoDraft; cover: number; onCover(seconds: number): void; onRemove(): void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [duration, setDuration] = useState<number | null>(null);
  const { upload } = draft;
  const pick = (seconds: number) => {
    onCover(seconds);
    if (video.current) { video.current.pause(); video.current.currentTime = seconds; }
  };
  return (
    <Flex direction="column" gap={3}>
      <div className="video-draft">
        <video ref={video} className="video-preview" src={draft.url} controls muted playsInline preload="metadata"
          aria-label={`Video: ${draft.file.name}`} onLoadedMetadata={(e) => setDuration(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : null)} />
        <div className="pin-preview-remove">
          <IconButton icon="cancel" size="xs" bgColor="white" accessibilityLabel="Remove video" onClick={onRemove} />
        </div>
      </div>
      {upload.phase === 'uploading' && (
        <Flex direction="column" gap={1}>
          <progress className="upload-progress" aria-label="Upload progress" max={100} value={percent(upload.loaded, upload.total)} />
          <Text size="100" color="subtle">{`${percent(upload.loaded, upload.total)}% of ${(upload.total / 1048576).toFixed(1)} MB sent`}</Text>
        </Flex>
      )}
      <div role={upload.phase === 'failed' ? 'alert' : 'status'} className="upload-status"><UploadStatus upload={upload} /></div>
      {duration !== null && (
        <Box>
          <label className="range-label" htmlFor="video-cover"><Text weight="bold" size="200">{`Cover: the frame at ${cover} s`}</Text></label>
          <input id="video-cover" className="range" type="range" min={0} max={Math.max(1, Math.floor(duration))} step={1} value={cover}
            aria-valuetext={`${cover} seconds of ${duration.toFixed(1)}`} onChange={(e) => pick(Number(e.target.value))} />
        </Box>
      )}
    </Flex>
  );
}
