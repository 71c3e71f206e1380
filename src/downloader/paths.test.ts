import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inside, safeSegment, UnsafePath } from './paths.js';

describe('safeSegment', () => {
  it('never gives a path: no separators, no . or .., no control characters, never empty', () => {
    for (const hostile of ['..', '.', '../../x', '/etc/passwd', 'a\\..\\b', '\u0000', '\u001b[31mred', '\u001b]0;t\u0007', '．．', '', '---']) {
      const s = safeSegment(hostile);
      assert.match(s, /^[A-Za-z0-9._-]+$/, JSON.stringify(hostile));
      assert.ok(s !== '.' && s !== '..' && !s.startsWith('.'), JSON.stringify(hostile));
    }
  });
  it('keeps ordinary names readable', () => {
    assert.equal(safeSegment('Crème brûlée (2)'), 'Creme-brulee-2');
  });
});

describe('inside', () => {
  const root = path.resolve('/tmp/out');
  it('joins paths that stay inside', () => {
    assert.equal(inside(root, 'a/b.jpg'), path.join(root, 'a', 'b.jpg'));
  });
  it('refuses paths that leave the folder, or are the folder', () => {
    for (const bad of ['../x.json', 'a/../../x', '/etc/passwd', '', '.', 'a\u0000b']) assert.throws(() => inside(root, bad), UnsafePath, JSON.stringify(bad));
  });
});
