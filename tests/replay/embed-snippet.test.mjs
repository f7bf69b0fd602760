// What the page's Share section writes for the embed, and how the embed
// reads its lanes: plain functions, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkLanes, embedSrc, iframeSnippet } from '../../web/ui/embed-snippet.js';
import { withCompare, atPosition } from '../../web/ui/share.js';

test('linkLanes: all by default, the spawn_local lane only with the comparison, in the page\'s order', () => {
  assert.deepEqual(linkLanes({}, false), { lanes: ['callbacks', 'promises', 'futures'], problem: null });
  assert.deepEqual(linkLanes({}, true), { lanes: ['callbacks', 'promises', 'futures', 'spawnLocal'], problem: null });
  assert.deepEqual(linkLanes({ lanes: 'spawnLocal,futures,futures' }, true), { lanes: ['futures', 'spawnLocal'], problem: null });
  assert.deepEqual(linkLanes({ lanes: 'futures,spawnLocal' }, false),
    { lanes: ['futures'], problem: 'Link: lanes can name spawnLocal only with compare=1; the other lanes it names are shown' });
  assert.deepEqual(linkLanes({ lanes: 'spawnLocal' }, false),
    { lanes: ['callbacks', 'promises', 'futures'], problem: 'Link: lanes can name spawnLocal only with compare=1; all three are shown' });
  assert.deepEqual(linkLanes({ lanes: 'rust' }, true), {
    lanes: ['callbacks', 'promises', 'futures', 'spawnLocal'],
    problem: 'Link: lanes must be one or more of callbacks, promises, futures, spawnLocal, separated by commas; all four are shown',
  });
  assert.equal(linkLanes({ lanes: '' }, false).problem, 'Link: lanes must be one or more of callbacks, promises, futures, separated by commas; all three are shown');
});

test('embedSrc: lanes= only for fewer than all; withCompare adds or removes compare=1 before the scenario', () => {
  const page = 'https://example.org/play/index.html#preset=overdue&clock=virtual&style=then&compare=1&s=Q(B(1))';
  assert.equal(embedSrc(atPosition(page, 4), ['callbacks', 'promises', 'futures', 'spawnLocal']),
    'https://example.org/play/embed.html#preset=overdue&clock=virtual&style=then&compare=1&s=Q(B(1))&step=5');
  assert.equal(embedSrc(atPosition(withCompare(page, false), 2), ['futures']),
    'https://example.org/play/embed.html#preset=overdue&clock=virtual&style=then&s=Q(B(1))&step=3&lanes=futures');
  assert.equal(embedSrc(withCompare(page, false), ['callbacks', 'promises', 'futures']),
    'https://example.org/play/embed.html#preset=overdue&clock=virtual&style=then&s=Q(B(1))');
  assert.equal(withCompare('https://example.org/#preset=join&clock=virtual&style=then&s=Q(B(1))&step=3', true),
    'https://example.org/#preset=join&clock=virtual&style=then&compare=1&s=Q(B(1))&step=3');
  assert.equal(withCompare(page, true), page);
});

test('iframeSnippet: the sandbox keeps the embed\'s origin only for the spawn_local lane', () => {
  const src = 'https://example.org/embed.html#preset=join';
  assert.match(iframeSnippet(src, 900, 'Join'), / sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"><\/iframe>$/);
  assert.match(iframeSnippet(src, 900, 'Join', true), / sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"><\/iframe>$/);
  assert.match(iframeSnippet('https://x.org/embed.html#a&b', 10, '"<T>"'), /^<iframe src="https:\/\/x\.org\/embed\.html#a&amp;b" title="Futures playground: &quot;&lt;T&gt;&quot;" /);
});
