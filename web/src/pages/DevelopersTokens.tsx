// Your tokens on one of your apps (Pinterest's "generate token"): generate one with the scopes you tick (the
// access and refresh tokens shown once), see the live ones (scopes, created, expiry; never the token) and revoke.
import { Box, Button, Checkbox, Divider, Fieldset, Flex, Heading, Layer, Modal, Text } from 'gestalt';
import { useCallback, useEffect, useState } from 'react';
import type { CorkboardComponents } from '../../../src/sdk/index.js';
import type { Notify } from '../App.js';
import { corkboard, done, errorMessage, unwrap } from '../api.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import type { Shown } from '../components/ShownOnce.js';
import { shortDate } from '../dates.js';

type ConsoleApp = CorkboardComponents['schemas']['ConsoleApp'];
type ConsoleToken = CorkboardComponents['schemas']['ConsoleToken'];
type ScopeName = CorkboardComponents['schemas']['NewToken']['scopes'][number];
export interface Scope { scope: string; description: string }

export function DevelopersTokens({ app, scopes, notify, onIssued }: {
  app: ConsoleApp; scopes: Scope[]; notify: Notify; onIssued(shown: Shown): void;
}) {
  const [tokens, setTokens] = useState<ConsoleToken[] | null>(null);
  const [generating, setGenerating] = useState(false);
  const [revoking, setRevoking] = useState<ConsoleToken | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { path: { client_id: app.client_id } };

  const load = useCallback(async () => {
    try {
      setTokens((await unwrap(corkboard.GET('/api/app/apps/{client_id}/tokens', { params: { path: { client_id: app.client_id } } }))).items);
    } catch (e) { notify(errorMessage(e)); setTokens((prev) => prev ?? []); }
  }, [app.client_id, notify]);
  useEffect(() => { void load(); }, [load]);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await done(corkboard.DELETE('/api/app/apps/{client_id}/tokens/{token_id}', { params: { path: { ...path.path, token_id: revoking.id } } }));
      setTokens((prev) => (prev ?? []).filter((t) => t.id !== revoking.id));
      setRevoking(null);
      notify('Token revoked', 'success');
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };

  return (
    <Box as="section" marginTop={4}>
      <Divider />
      <Box marginTop={4}>
        <Flex justifyContent="between" alignItems="center" gap={3} wrap>
          <Heading size="300" accessibilityLevel={4}>Your tokens</Heading>
          <Button text="Generate token" color="red" size="sm" accessibilityLabel={`Generate token for ${app.name}`} onClick={() => setGenerating(true)} />
        </Flex>
      </Box>
      <Box marginTop={2}>
        {tokens === null ? <Text color="subtle" size="200">Loading…</Text>
          : tokens.length === 0 ? <Text color="subtle" size="200">No live tokens. Generate one to call the API as yourself through this app.</Text>
            : (
              <ul className="console-list console-list-tight" aria-label={`Your tokens for ${app.name}`}>
                {tokens.map((t) => (
                  <li key={t.id}>
                    <Box borderStyle="sm" rounding={4} padding={3}>
                      <Flex justifyContent="between" alignItems="center" gap={3} wrap>
                        <Flex.Item flex="grow" minWidth={0}>
                          <Text size="200" weight="bold" overflow="breakWord">{t.scopes.join(', ')}</Text>
                          <Text size="200" color="subtle">
                            {t.grant_type === 'client_credentials' ? 'Client credentials · ' : ''}Created {shortDate(t.created_at)}
                            {t.expires_at ? ` · expires ${shortDate(t.expires_at)}` : ' · access token expired'}
                            {t.refresh_token_expires_at ? ` · refresh until ${shortDate(t.refresh_token_expires_at)}` : ''}
                          </Text>
                        </Flex.Item>
                        <Button text="Revoke" color="gray" size="sm" accessibilityLabel={`Revoke the token with ${t.scopes.join(', ')}`} onClick={() => setRevoking(t)} />
                      </Flex>
                    </Box>
                  </li>
                ))}
              </ul>
            )}
      </Box>
      {generating && (
        <GenerateTokenModal app={app} scopes={scopes} onDismiss={() => setGenerating(false)} onIssued={(token) => {
          setGenerating(false);
          onIssued({ heading: `Token for ${app.name}`, note: 'Copy them now: Corkboard keeps only hashes of tokens and cannot show them again.', secrets: [{ label: 'Access token', value: token.access_token }, { label: 'Refresh token', value: token.refresh_token }] });
          void load();
        }} />
      )}
      {revoking && (
        <ConfirmModal heading="Revoke this token?" confirm="Revoke token" busy={busy} onConfirm={revoke} onDismiss={() => setRevoking(null)}>
          {`The access and refresh tokens with ${revoking.scopes.join(', ')} stop working at once.`}
        </ConfirmModal>
      )}
    </Box>
  );
}

/** Checkboxes of every scope of the v5 document; POST /api/app/apps/{client_id}/tokens mints as `corkboard token` does. */
function GenerateTokenModal({ app, scopes, onDismiss, onIssued }: {
  app: ConsoleApp; scopes: Scope[]; onDismiss(): void; onIssued(token: CorkboardComponents['schemas']['IssuedToken']): void;
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (scope: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(scope); else next.delete(scope);
    return next;
  });
  const generate = async () => {
    if (!chosen.size) { setError('Choose at least one scope.'); return; }
    setBusy(true);
    try {
      // In the document's order, whatever order they were ticked in.
      const list = scopes.map((s) => s.scope).filter((s) => chosen.has(s)) as ScopeName[];
      onIssued(await unwrap(corkboard.POST('/api/app/apps/{client_id}/tokens', { params: { path: { client_id: app.client_id } }, body: { scopes: list } })));
    } catch (e) { setError(errorMessage(e)); } finally { setBusy(false); }
  };
  return (
    <Layer>
      <Modal accessibilityModalLabel={`Generate a token for ${app.name}`} heading="Generate token" onDismiss={onDismiss} size="lg" align="start"
        subHeading={`A token for yourself through ${app.name}, as if you had approved it on the consent page.`}
        footer={
          <Flex justifyContent="end" gap={2}>
            <Button text="Cancel" color="gray" onClick={onDismiss} />
            <Button text="Generate token" color="red" disabled={busy} onClick={generate} />
          </Flex>
        }>
        <Fieldset legend="Scopes" errorMessage={error ?? undefined}>
          <div className="scope-grid">
            {scopes.map((s) => (
              <Checkbox key={s.scope} id={`scope-${s.scope.replace(/[^a-z0-9]+/g, '-')}`} label={s.scope} helperText={s.description}
                checked={chosen.has(s.scope)} onChange={({ checked }) => { setError(null); toggle(s.scope, checked); }} />
            ))}
          </div>
        </Fieldset>
      </Modal>
    </Layer>
  );
}
