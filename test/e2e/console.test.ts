// The developer console in a real browser (Debian's Chromium, driven by playwright-core) against a real server,
// through the UI only (API calls only to check what the UI gave): sign up -> the header menu's Developers -> create
// an app (its secret shown once, and it works) -> generate a token with two scopes (it works with
// GET /v5/user_account, and only with those scopes) -> revoke it (401) -> the consent page in the app's look ->
// rotate the secret and delete the app -> an API key: a download submitted with it works and shows as used after a
// reload -> revoke it (refused). Screenshots of each page at 390 and 1440 px go to test/e2e/artifacts/.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { basic, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, type BrowserSession, signUpInUi, fromMenu } from './browser.js';
import { axeViolations } from './axe.js';

forEachDialect('developer console in the web app', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    // pinterest.com links go to a closed local port: a submitted download fails at once, without leaving the machine
    s = await startServer(dialect, { CORKBOARD_PINTEREST_UPSTREAM: 'http://127.0.0.1:9' });
    browser = await openBrowser(dialect);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  /** Screenshots at both widths, and axe-core's serious or critical violations on the page below the header (none expected). */
  async function shoot(name: string) {
    await browser.shoot(`console-${name}`);
    assert.deepEqual(await axeViolations(page, ['header']), [], `axe on ${name}`); // the header is the whole app's, checked by its own tests
  }
  const dialog = (name: string) => page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));
  /** The values of the shown-once dialog's fields, then Done; the dialog goes. */
  async function shownOnce(heading: string, labels: string[], screenshot?: string): Promise<string[]> {
    const d = dialog(heading);
    await d.waitFor();
    const values = await Promise.all(labels.map((l) => d.getByLabel(l, { exact: true }).inputValue()));
    if (screenshot) await shoot(screenshot);
    await d.getByRole('button', { name: 'Done' }).click();
    await d.waitFor({ state: 'detached' });
    return values;
  }
  const userAccount = (token: string) => fetch(`${s.url}/v5/user_account`, { headers: { authorization: `Bearer ${token}` } });
  const clientCredentials = (clientId: string, secret: string) => fetch(`${s.url}/v5/oauth/token`, {
    method: 'POST', headers: { authorization: basic(clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=user_accounts:read',
  });

  it('apps, tokens and API keys, each secret shown once and working until revoked', { skip }, async () => {
    const username = uniqueName('dev').slice(0, 30);
    await signUpInUi(page, s.url, username);

    // The header's link; /developers/ is the apps page.
    await fromMenu(page, 'Developers');
    await page.waitForURL(`${s.url}/developers/`);
    await page.getByRole('heading', { name: 'Your apps' }).waitFor();
    await page.getByText('No apps yet.', { exact: false }).waitFor();
    const tab = (name: string) => page.getByRole('navigation', { name: 'Developer console' }).getByRole('link', { name });
    assert.equal(await tab('Apps').getAttribute('aria-current'), 'page');

    // Create an app: a refused redirect URI is named under its field, then a good one registers it.
    await page.getByRole('button', { name: 'Create app' }).click();
    const create = dialog('Create app');
    await create.getByLabel('Name').fill('Recipe sync');
    await create.getByLabel('Redirect URIs').fill('http://example.com/callback');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.getByText('must use https:', { exact: false }).waitFor();
    await create.getByLabel('Redirect URIs').fill('https://example.com/callback\nhttp://localhost:8085/');
    await shoot('create-app');
    await create.getByRole('button', { name: 'Create' }).click();
    const [clientId, secret] = await shownOnce('Recipe sync is registered', ['Client ID', 'Client secret'], 'app-secret');
    assert.match(clientId!, /^\d+$/);
    assert.equal((await clientCredentials(clientId!, secret!)).status, 200);
    const card = page.getByRole('listitem', { name: 'Recipe sync' });
    await card.getByText(clientId!, { exact: true }).waitFor();
    await card.getByText('https://example.com/callback', { exact: true }).waitFor();
    await card.getByText('http://localhost:8085/', { exact: true }).waitFor();
    assert.ok(!(await page.content()).includes(secret!), 'the secret is shown once only');

    // Generate a token with two scopes; it works as far as they reach.
    await card.getByRole('button', { name: 'Generate token for Recipe sync' }).click();
    const generate = dialog('Generate a token for Recipe sync');
    await generate.getByRole('checkbox', { name: 'user_accounts:read' }).check();
    await generate.getByRole('checkbox', { name: 'boards:read', exact: true }).check();
    assert.equal(await generate.getByRole('checkbox').count(), 19); // every scope of the v5 document
    await shoot('scopes');
    await generate.getByRole('button', { name: 'Generate token' }).click();
    const [access, refresh] = await shownOnce('Token for Recipe sync', ['Access token', 'Refresh token']);
    assert.match(access!, /^pina_/);
    assert.match(refresh!, /^pinr_/);
    const me = await userAccount(access!);
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { username: string }).username, username);
    assert.equal((await fetch(`${s.url}/v5/pins`, { headers: { authorization: `Bearer ${access}` } })).status, 401); // no pins:read
    const tokens = card.getByRole('list', { name: 'Your tokens for Recipe sync' });
    await tokens.getByText('boards:read, user_accounts:read', { exact: true }).waitFor();
    assert.ok(!(await page.content()).includes(access!));
    await shoot('apps');

    // Revoke it: refused from then on.
    await tokens.getByRole('button', { name: 'Revoke the token with boards:read, user_accounts:read' }).click();
    await dialog('Revoke this token?').getByRole('button', { name: 'Revoke token' }).click();
    // (the client-credentials token the secret's check above made stays listed)
    await tokens.getByText('boards:read, user_accounts:read', { exact: true }).waitFor({ state: 'detached' });
    await tokens.getByText('Client credentials', { exact: false }).waitFor();
    assert.equal((await userAccount(access!)).status, 401);

    // The consent page of this app, server-rendered in the app's look.
    await page.goto(`${s.url}/oauth/?${new URLSearchParams({ client_id: clientId!, redirect_uri: 'http://localhost:8085/', response_type: 'code',
      scope: 'boards:read,pins:read', state: 's1' })}`);
    await page.getByRole('heading', { name: 'Recipe sync wants access to your Corkboard account' }).waitFor();
    // a red pill, as the app's buttons
    const allow = await page.getByRole('button', { name: 'Allow' }).evaluate((b) => {
      const css = (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; borderRadius: string } }).getComputedStyle(b);
      return [css.backgroundColor, css.borderRadius];
    });
    assert.deepEqual(allow, ['rgb(230, 0, 35)', '24px']);
    await shoot('consent');
    await page.goBack();
    await page.getByRole('heading', { name: 'Your apps' }).waitFor();

    // Rotate the secret: the new one works, the old one does not.
    await card.getByRole('button', { name: 'Rotate secret of Recipe sync' }).click();
    await dialog('Rotate the secret of Recipe sync?').getByRole('button', { name: 'Rotate secret' }).click();
    const [, rotated] = await shownOnce('New secret for Recipe sync', ['Client ID', 'Client secret']);
    assert.notEqual(rotated, secret);
    assert.equal((await clientCredentials(clientId!, secret!)).status, 401);
    assert.equal((await clientCredentials(clientId!, rotated!)).status, 200);

    // Delete it: its credentials stop working.
    await card.getByRole('button', { name: 'Delete Recipe sync' }).click();
    await dialog('Delete Recipe sync?').getByRole('button', { name: 'Delete app' }).click();
    await page.getByText('No apps yet.', { exact: false }).waitFor();
    assert.equal((await clientCredentials(clientId!, rotated!)).status, 401);

    // API keys: made with a label and quota, the key shown once.
    await tab('API keys').click();
    await page.waitForURL(`${s.url}/developers/api-keys/`);
    await page.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    await page.getByLabel('Label').fill('Nightly backup');
    await page.getByLabel('Downloads per 24 hours').fill('5');
    await page.getByRole('button', { name: 'Create key' }).click();
    const [apiKey] = await shownOnce('Your new API key', ['API key', 'Webhook secret'], 'api-key-secret');
    assert.match(apiKey!, /^cbk_/);
    const key = page.getByRole('listitem', { name: 'Nightly backup' });
    await key.getByText('0 of 5 used in the last 24 hours').waitFor();

    // A download submitted with it is accepted, and counted after a reload.
    const submit = () => fetch(`${s.url}/api/v1/submit/`, { method: 'POST', headers: { authorization: apiKey!, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://www.pinterest.com/pin/123/' }) });
    const submitted = await submit();
    assert.equal(submitted.status, 200);
    assert.match(((await submitted.json()) as { uuid: string }).uuid, /^[0-9a-f-]{36}$/);
    await page.reload();
    await key.getByText('1 of 5 used in the last 24 hours').waitFor();
    await shoot('api-keys');

    // Revoke it: refused from then on.
    await key.getByRole('button', { name: 'Revoke Nightly backup' }).click();
    await dialog('Revoke Nightly backup?').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('No API keys yet.').waitFor();
    assert.equal((await submit()).status, 401);

    // Logged out, the console sends the visitor to log in.
    await fromMenu(page, 'Log out');
    await page.getByRole('heading', { name: 'Get your next idea' }).waitFor();
    await page.goto(`${s.url}/developers/api-keys/`);
    await page.waitForURL(`${s.url}/login/`);
    assert.deepEqual(browser.problems, []);
  });
});
