// /downloads/: paste a Pinterest or Corkboard link and get every media file behind it (POST /api/app/downloads,
// the session's, no API key needed); the job's progress, then its files as thumbnails with a download link each
// and the ZIP (DownloadsJob); below, the user's past jobs (DownloadsHistory). The job shown is in the address
// (?job=<id>), so a reload or a past job's link shows it again.
import { Box, Button, Flex, Heading, Text, TextField } from 'gestalt';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { jobHref, type DownloadJobWithFiles } from '../downloads.js';
import { navigate, useQueryParam } from '../router.js';
import type { Notify } from '../App.js';
import { DownloadsHistory } from './DownloadsHistory.js';
import { DownloadsJob } from './DownloadsJob.js';

export function Downloads({ notify }: { notify: Notify }) {
  const jobId = useQueryParam('job');
  const [url, setUrl] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<DownloadJobWithFiles | null>(null); // shown until its first poll answers
  const [listVersion, setListVersion] = useState(0); // bumped when the list has news: a job submitted or finished
  const refreshList = useCallback(() => setListVersion((v) => v + 1), []);
  useEffect(() => { document.title = 'Downloads · Corkboard'; }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const link = url.trim();
    if (!link) { setFieldError('Paste a link to a pin, board, section or profile.'); return; }
    setBusy(true);
    setFieldError(null);
    try {
      const { data, error, response } = await corkboard.POST('/api/app/downloads', { body: { url: link } });
      if (!data) {
        // The link's own faults go under the field; others (quota, session) as a toast.
        if (response.status === 400) setFieldError(errorMessage(error)); else notify(errorMessage(error));
        return;
      }
      setSubmitted(data);
      setUrl('');
      navigate(jobHref(data.id));
      refreshList();
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };

  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1200} marginStart="auto" marginEnd="auto">
      <Flex direction="column" gap={8}>
        <Flex direction="column" gap={3}>
          <Heading size="600" accessibilityLevel={1}>Downloads</Heading>
          <Text color="subtle">
            Paste a link to a pin, board, section or profile on Pinterest or on a Corkboard server: you get every image and
            video behind it at its best size, and one ZIP of a whole board.
          </Text>
          <form onSubmit={submit} noValidate>
            <div className="download-form">
              <TextField id="download-url" label="Pinterest or Corkboard link" placeholder="https://www.pinterest.com/username/board/"
                size="lg" autoComplete="off" value={url} onChange={({ value }) => setUrl(value)} errorMessage={fieldError ?? undefined} />
              <div className="download-form-button"><Button text="Download" color="red" size="lg" type="submit" disabled={busy} /></div>
            </div>
          </form>
        </Flex>
        {jobId && <DownloadsJob key={jobId} id={jobId} initial={submitted?.id === jobId ? submitted : null} onFinished={refreshList} notify={notify} />}
        <DownloadsHistory version={listVersion} current={jobId} notify={notify} />
      </Flex>
    </Box>
  );
}
