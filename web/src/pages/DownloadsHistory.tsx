// "Your downloads" on the downloads page: the user's past jobs, newest first (GET /api/app/downloads, the
// bookmark for more), each with its link, status, date and, when done, its ZIP; a job's title opens it above.
import { Box, Button, ButtonLink, Flex, Heading, Link, Spinner, Status, Text } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { doneText, formatDate, jobHref, progressText, type DownloadJob } from '../downloads.js';
import type { Notify } from '../App.js';

const PAGE_SIZE = 20;
const STATUS = {
  loading: { type: 'inProgress', title: 'Downloading' },
  done: { type: 'ok', title: 'Done' },
  failed: { type: 'problem', title: 'Failed' },
} as const;

export function DownloadsHistory({ version, current, notify }: { version: number; current: string; notify: Notify }) {
  const [jobs, setJobs] = useState<DownloadJob[] | null>(null);
  const [bookmark, setBookmark] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0); // an answer to an earlier reading is dropped

  const load = useCallback(async (after?: string) => {
    const mine = ++asked.current;
    setLoading(true);
    try {
      const { data, error } = await corkboard.GET('/api/app/downloads', { params: { query: { page_size: PAGE_SIZE, ...(after ? { bookmark: after } : {}) } } });
      if (mine !== asked.current) return;
      if (!data) throw error;
      setJobs((prev) => [...(after && prev ? prev : []), ...data.items]);
      setBookmark(data.bookmark ?? null);
      setFailed(null);
    } catch (e) {
      if (mine !== asked.current) return;
      if (after) notify(errorMessage(e)); else setFailed(errorMessage(e));
    } finally { if (mine === asked.current) setLoading(false); }
  }, [notify]);

  useEffect(() => { void load(); }, [load, version]);

  return (
    <section aria-labelledby="download-history-heading">
      <Flex direction="column" gap={4}>
        <Heading id="download-history-heading" size="400" accessibilityLevel={2}>Your downloads</Heading>
        {failed ? <Box role="alert"><Text color="error">{failed}</Text></Box>
          : jobs === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your downloads" /></Flex>
            : jobs.length === 0 ? <Text color="subtle">Nothing downloaded yet: paste a link above.</Text>
              : (
                <ul className="download-history" aria-label="Your downloads">
                  {jobs.map((job) => <JobRow key={job.id} job={job} current={job.id === current} />)}
                </ul>
              )}
        {jobs && bookmark && (
          <Box display="flex" justifyContent="center">
            <Button text="Show more downloads" color="gray" disabled={loading} onClick={() => load(bookmark)} />
          </Box>
        )}
      </Flex>
    </section>
  );
}

function JobRow({ job, current }: { job: DownloadJob; current: boolean }) {
  const status = STATUS[job.status];
  const detail = job.status === 'done' ? doneText(job) : job.status === 'loading' ? progressText(job) : job.error ?? 'Failed';
  return (
    <li className={current ? 'download-history-current' : undefined}>
      <div className="download-history-main">
        <Link href={jobHref(job.id)} underline="hover" accessibilityLabel={`Open ${job.title ?? job.url}`}>
          <Text weight="bold" lineClamp={1}>{job.title ?? job.url}</Text>
        </Link>
        {job.title && <Text size="100" color="subtle" lineClamp={1}>{job.url}</Text>}
        <Text size="100" color="subtle" lineClamp={2}>{formatDate(job.created_at)} · {detail}{job.via === 'api_key' ? ' · API key' : ''}</Text>
      </div>
      <div className="download-history-side">
        <Status type={status.type} title={status.title} />
        {job.zip && <ButtonLink text="ZIP" size="sm" color="gray" iconEnd="download" href={job.zip} download accessibilityLabel={`Download the ZIP of ${job.title ?? job.url}`} />}
      </div>
    </li>
  );
}
