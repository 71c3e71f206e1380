// One download job on the downloads page: while it runs, what it knows (the link being read, then pins found and
// files stored, as counts, never an invented percentage), polled from GET /api/app/downloads/{id}; when done, its
// files as thumbnails, each with its own download link, and "Download all (zip)"; when failed, the reason.
import { Box, Button, ButtonLink, Flex, Heading, Icon, Spinner, Text } from 'gestalt';
import { useEffect, useRef, useState } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { doneText, formatBytes, progressText, type DownloadFile, type DownloadJobWithFiles } from '../downloads.js';
import type { Notify } from '../App.js';

const POLL_MS = 1000;
const FILES_PER_PAGE = 60; // a board can hold thousands: the grid grows on demand

export function DownloadsJob({ id, initial, onFinished, notify }: {
  id: string; initial: DownloadJobWithFiles | null; onFinished(): void; notify: Notify;
}) {
  const [job, setJob] = useState<DownloadJobWithFiles | null>(initial);
  const [missing, setMissing] = useState<string | null>(null);
  const [shown, setShown] = useState(FILES_PER_PAGE);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sawLoading = initial?.status === 'loading';
    let warned = false;
    const poll = async () => {
      try {
        const { data, error } = await corkboard.GET('/api/app/downloads/{id}', { params: { path: { id } } });
        if (stopped) return;
        if (!data) { setMissing(errorMessage(error)); return; }
        setJob(data);
        if (data.status === 'loading') { sawLoading = true; timer = setTimeout(poll, POLL_MS); } else if (sawLoading) finished.current();
      } catch (e) {
        if (stopped) return;
        if (!warned) { warned = true; notify(errorMessage(e)); } // the network: keep trying, say so once
        timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    timer = setTimeout(poll, initial ? POLL_MS : 0); // a job just submitted shows its answer first
    return () => { stopped = true; clearTimeout(timer); };
  }, [id, initial, notify]);

  if (missing) return <Box role="alert" paddingY={4}><Text color="error">{missing}</Text></Box>;
  if (!job) return <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading the download" /></Flex>;

  const total = job.progress.files_total;
  return (
    <section className="download-job" aria-labelledby="download-job-heading">
      <Flex direction="column" gap={4}>
        <Flex direction="column" gap={1}>
          <Heading id="download-job-heading" size="400" accessibilityLevel={2} lineClamp={2}>{job.title ?? 'Your download'}</Heading>
          <Text color="subtle" size="200" lineClamp={1}>{job.url}</Text>
        </Flex>
        {job.status === 'loading' && (
          <div role="status" className="download-progress">
            <Flex alignItems="center" gap={3}>
              <Spinner show size="sm" delay={false} accessibilityLabel="Downloading" />
              <Text>{progressText(job)}</Text>
            </Flex>
            {total !== null && total !== undefined && (
              <progress max={total} value={job.progress.files_done} aria-label="Files downloaded" />
            )}
          </div>
        )}
        {job.status === 'failed' && (
          <Box role="alert" color="errorWeak" rounding={4} padding={4}><Text color="error">This download failed: {job.error}</Text></Box>
        )}
        {job.status === 'done' && (
          <>
            <div className="download-job-bar">
              <Text weight="bold">{doneText(job)}</Text>
              {job.zip && <ButtonLink text="Download all (zip)" color="red" iconEnd="download" href={job.zip} download={zipName(job.title)} />}
            </div>
            <ul className="download-files" aria-label="Downloaded files">
              {job.results.slice(0, shown).map((file) => <FileCard key={file.filename} file={file} />)}
            </ul>
            {job.results.length > shown && (
              <Box display="flex" justifyContent="center">
                <Button text={`Show more files (${job.results.length - shown} left)`} color="gray" onClick={() => setShown((n) => n + FILES_PER_PAGE)} />
              </Box>
            )}
          </>
        )}
      </Flex>
    </section>
  );
}

/** The ZIP's file name from the title, as the CLI names its --zip: letters, digits, dots, dashes. */
const zipName = (title: string | null | undefined) => `${(title ?? 'download').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'download'}.zip`;

function FileCard({ file }: { file: DownloadFile }) {
  const name = file.title ? `${file.title} (${file.filename})` : file.filename;
  const size = [file.type, file.width && file.height ? `${file.width}×${file.height}` : null, formatBytes(file.size)].filter(Boolean).join(' · ');
  return (
    <li>
      <div className="download-thumb">
        {file.type === 'image' && <img src={file.url} alt={file.title ?? `Image ${file.filename}`} width={file.width ?? undefined} height={file.height ?? undefined} loading="lazy" decoding="async" />}
        {file.type === 'video' && <video src={file.url} preload="metadata" muted playsInline controls aria-label={`Video ${name}`} />}
        {file.type === 'audio' && <Icon icon="audio-playing" size={32} color="subtle" accessibilityLabel={`Audio ${name}`} />}
      </div>
      <Box paddingY={2}>
        <Text size="200" weight="bold" lineClamp={1} title={file.filename}>{file.filename}</Text>
        <Text size="100" color="subtle">{size}</Text>
      </Box>
      <ButtonLink text="Download" size="sm" color="gray" href={file.url} download={file.filename} accessibilityLabel={`Download ${file.filename}`} fullWidth />
    </li>
  );
}
