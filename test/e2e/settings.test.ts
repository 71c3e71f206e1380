// Settings in a real browser (Debian's Chromium, playwright-core) against a real server, through the UI: sign up,
// open Settings from the header, edit name, about and website (a bad website refused under its field), upload a
// profile photo through the file chooser (a file that is no image refused with the server's reason) and see it in
// the header and on the profile page (whose Edit profile leads back); change the password (a wrong current one refused), log out, and log in with the new one only.
// /v5/user_account is read to verify what the UI did. axe finds no serious or critical violation on the page.
// Screenshots at 390 and 1440 px go to test/e2e/artifacts/.
import path from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { api, FIXTURES, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, until, type BrowserSession, signUpInUi, fromMenu } from './browser.js';
import { axeViolations } from './axe.js';

const JPEG = path.join(FIXTURES, 'sample-1600x1200.jpg');
const NOT_AN_IMAGE = path.join(FIXTURES, 'not-an-image.jpg');

forEachDialect('settings in a browser', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(`settings-${dialect}`);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text });

  async function logIn(username: string, password: string) {
    await page.goto(`${s.url}/login/`);
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('edits the profile, uploads a photo the header shows, and changes the password', { skip }, async () => {
    const username = uniqueName('st').slice(0, 30);
    await signUpInUi(page, s.url, username);

    await fromMenu(page, 'Settings');
    await page.waitForURL(`${s.url}/settings/`);
    await page.getByRole('heading', { name: 'Edit profile' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true, 'nothing to save yet');

    // Typed by keyboard: the fields take focus in order from Name.
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Engines and poems.');
    await page.getByLabel('Website', { exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Invalid parameters: website_url must be an http or https URL.').waitFor(); // under the field
    await page.getByLabel('Website', { exact: true }).fill('https://ada.example/');
    await page.getByRole('button', { name: 'Save' }).press('Enter');
    await toast('Profile saved.').waitFor();
    await page.getByRole('link', { name: 'Your profile, Ada Lovelace' }).waitFor(); // the header follows

    // A file that is no image: the server's reason, by the photo.
    const choose = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Change profile photo' }).click()]);
      assert.equal(chooser.isMultiple(), false);
      await chooser.setFiles(file);
    };
    await choose(NOT_AN_IMAGE);
    await page.getByRole('alert').filter({ hasText: /data is not a JPEG image/ }).waitFor();
    await choose(JPEG);
    await toast('Profile photo updated.').waitFor();
    const headerAvatar = page.locator('header').getByRole('img', { name: 'Ada Lovelace' });
    await until(page, async () => /\/media\/images\/.+\/150x150\.jpg$/.test((await headerAvatar.getAttribute('src')) ?? ''));
    await until(page, () => headerAvatar.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth === 150)); // it loaded
    await page.getByRole('button', { name: 'Remove profile photo' }).waitFor();
    await browser.shoot('settings-profile');

    // What the UI did, as a third-party app reads it.
    const app = await s.app_(username);
    const token = (await s.token(username, app.client_id)).access_token;
    const account = (await api(s.url, 'GET', '/v5/user_account', { token })).data;
    assert.deepEqual([account.business_name, account.about, account.website_url], ['Ada Lovelace', 'Engines and poems.', 'https://ada.example/']);
    assert.equal(account.profile_image, await headerAvatar.getAttribute('src'));
    // The profile page shows it too, and leads back here; the form shows what was saved.
    await page.getByRole('link', { name: 'Your profile, Ada Lovelace' }).click();
    await page.waitForURL(`${s.url}/${username}/`);
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await page.getByText('Engines and poems.').waitFor();
    assert.equal(await page.getByRole('main').getByRole('img', { name: 'Ada Lovelace' }).getAttribute('src'), account.profile_image);
    assert.equal(await page.getByRole('link', { name: 'ada.example' }).getAttribute('href'), 'https://ada.example/');
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.waitForURL(`${s.url}/settings/`);
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Ada Lovelace');
    assert.equal(await page.getByLabel('About', { exact: true }).inputValue(), 'Engines and poems.');
    assert.deepEqual(await axeViolations(page), []);

    // Password: a wrong current one is refused under its field; then changed.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new one');
    await page.getByLabel('Type the new password again').fill('a brand new one');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('current_password is wrong').waitFor();
    await page.getByLabel('Current password').fill('correct horse battery');
    await page.getByLabel('Type the new password again').fill('a brand new won');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The passwords do not match.').waitFor();
    await page.getByLabel('Type the new password again').fill('a brand new one');
    await browser.shoot('settings-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await toast(/Password changed/).waitFor();
    assert.equal(await page.getByLabel('Current password').inputValue(), '');

    await fromMenu(page, 'Log out');
    await page.getByRole('heading', { name: 'Get your next idea' }).waitFor();
    await logIn(username, 'correct horse battery');
    await page.getByText('Wrong username or password.').waitFor();
    await logIn(username, 'a brand new one');
    await page.waitForURL(`${s.url}/`);
    await page.getByRole('link', { name: 'Your profile, Ada Lovelace' }).waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
