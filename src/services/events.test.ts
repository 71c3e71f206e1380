import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appTypeOf, isBot } from './events.js';

describe('viewers', () => {
  it('app types from User-Agents', () => {
    assert.equal(appTypeOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'), 'MOBILE');
    assert.equal(appTypeOf('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36'), 'MOBILE');
    assert.equal(appTypeOf('Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 Chrome/120.0 Safari/537.36'), 'TABLET');
    assert.equal(appTypeOf('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15'), 'TABLET');
    assert.equal(appTypeOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36'), 'WEB');
    assert.equal(appTypeOf(undefined), 'WEB');
  });

  it('bots and tools are not an audience; browsers, headless ones included, are', () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Pinterestbot/1.0', 'facebookexternalhit/1.1',
      'curl/8.5.0', 'python-requests/2.31', 'Slackbot-LinkExpanding 1.0', undefined, '']) assert.equal(isBot(ua), true, String(ua));
    for (const ua of ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36', 'Mozilla/5.0 (Macintosh) Firefox/120.0', 'node'])
      assert.equal(isBot(ua), false, ua);
  });
});
