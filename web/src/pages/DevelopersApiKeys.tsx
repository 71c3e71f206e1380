// Your API keys for the download API (/developers/api-keys/): make one with a label and a quota per 24 hours (the
// key and its webhook secret shown once), see each key's use in the last 24 hours as the quota counts it, revoke.
import { Box, Button, Flex, Heading, NumberField, Spinner, Text, TextField } from 'gestalt';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CorkboardComponents } from '../../../src/sdk/index.js';
import type { Notify } from '../App.js';
import { corkboard, done, errorMessage, unwrap } from '../api.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { ShownOnce, type Secret } from '../components/ShownOnce.js';
import { shortDate } from '../dates.js';

type ApiKey = CorkboardComponents['schemas']['ApiKey'];
const count = (n: number) => n.toLocaleString('en-US');

export function DevelopersApiKeys({ notify }: { notify: Notify }) {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [quota, setQuota] = useState<number | undefined>(1000);
  const [error, setError] = useState<{ field: 'name' | 'quota' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Secret[] | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const load = useCallback(async () => {
    try { setKeys((await unwrap(corkboard.GET('/api/app/api-keys'))).items); } catch (e) { notify(errorMessage(e)); setKeys((prev) => prev ?? []); }
  }, [notify]);
  useEffect(() => { void load(); }, [load]);

  const create = async (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    if (!name.trim()) { setError({ field: 'name', message: 'Give the key a label.' }); return; }
    if (quota === undefined || !Number.isInteger(quota) || quota < 1) { setError({ field: 'quota', message: 'A whole number of at least 1.' }); return; }
    setBusy(true);
    try {
      const { data, error: apiError } = await corkboard.POST('/api/app/api-keys', { body: { name: name.trim(), daily_quota: quota } });
      if (!data) {
        const message = errorMessage(apiError);
        setError({ field: /daily_quota/.test(message) ? 'quota' : /\bname\b/.test(message) ? 'name' : null, message });
        return;
      }
      setError(null);
      setName('');
      setShown([{ label: 'API key', value: data.api_key }, { label: 'Webhook secret', value: data.webhook_secret }]);
      void load();
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await done(corkboard.DELETE('/api/app/api-keys/{key_id}', { params: { path: { key_id: revoking.id } } }));
      setKeys((prev) => (prev ?? []).filter((k) => k.id !== revoking.id));
      notify(`API key "${revoking.name}" revoked`, 'success');
      setRevoking(null);
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };

  return (
    <Box as="section">
      <Heading size="400" accessibilityLevel={2}>API keys</Heading>
      <Box marginTop={2}>
        <Text color="subtle">Send a key as the Authorization header of POST /api/v1/submit/ and /api/v1/results/. The webhook secret signs the callbacks of its downloads.</Text>
      </Box>
      <Box marginTop={4} borderStyle="sm" rounding={5} padding={4} mdPadding={6}>
        <form onSubmit={create} noValidate aria-label="New API key">
          <Flex direction="column" gap={4}>
            <Heading size="300" accessibilityLevel={3}>New API key</Heading>
            <div className="key-form">
              <TextField id="key-name" label="Label" placeholder='Like "Nightly backup"' value={name} onChange={({ value }) => setName(value)}
                errorMessage={error?.field === 'name' ? error.message : undefined} maxLength={{ characterCount: 100, errorAccessibilityLabel: 'Label is too long' }} />
              <NumberField id="key-quota" label="Downloads per 24 hours" min={1} max={1_000_000} step={1} value={quota} onChange={({ value }) => setQuota(value)}
                errorMessage={error?.field === 'quota' ? error.message : undefined} />
            </div>
            {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
            <Box><Button text="Create key" color="red" type="submit" disabled={busy} /></Box>
          </Flex>
        </form>
      </Box>
      <Box marginTop={6}>
        {keys === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your API keys" /></Flex>
          : keys.length === 0 ? <Box paddingY={8}><Text align="center" color="subtle">No API keys yet.</Text></Box>
            : (
              <ul className="console-list" aria-label="Your API keys">
                {keys.map((k) => (
                  <li key={k.id} aria-label={k.name}>
                    <Box borderStyle="sm" rounding={5} padding={4} mdPaddingX={6}>
                      <Flex justifyContent="between" alignItems="center" gap={3} wrap>
                        <Flex.Item flex="grow" minWidth={0}>
                          <Heading size="300" accessibilityLevel={3}>{k.name}</Heading>
                          <Text size="200" color="subtle"><code className="mono">{k.key_prefix}…</code> · created {shortDate(k.created_at)}</Text>
                        </Flex.Item>
                        <Flex alignItems="center" gap={4} wrap>
                          <Text size="200">{count(k.used_24h)} of {count(k.daily_quota)} used in the last 24 hours</Text>
                          <Button text="Revoke" color="gray" size="sm" accessibilityLabel={`Revoke ${k.name}`} onClick={() => setRevoking(k)} />
                        </Flex>
                      </Flex>
                    </Box>
                  </li>
                ))}
              </ul>
            )}
      </Box>
      {revoking && (
        <ConfirmModal heading={`Revoke ${revoking.name}?`} confirm="Revoke key" busy={busy} onConfirm={revoke} onDismiss={() => setRevoking(null)}>
          The download API refuses this key from then on. Downloads already made stay.
        </ConfirmModal>
      )}
      {shown && <ShownOnce heading="Your new API key" secrets={shown} onDone={() => setShown(null)}
        note="Copy them now: Corkboard keeps only a hash of the key and cannot show either again." />}
    </Box>
  );
}
