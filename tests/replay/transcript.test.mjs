// The Markdown transcript (web/replay/transcript.js): one line per step of
// the replay model, its time, lane and What happened sentence; the program's
// labels and texts escaped, so a transcript shows as text wherever it is pasted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildReplay } from '../../web/replay/index.js';
import { transcript, markdownText } from '../../web/replay/transcript.js';

const golden = (name) => JSON.parse(readFileSync(new URL(`../golden/${name}.json`, import.meta.url), 'utf8'));

test('one line per step: time, lane, the step\'s sentence', () => {
  const replay = buildReplay(golden('sequential-then'));
  const text = transcript(replay, { title: 'Sequential timers', link: 'http://x/#preset=sequential' });
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['## Sequential timers', '', '[Open this run in the futures playground](<http://x/#preset=sequential>)', '']);
  const steps = lines.slice(4, -1);
  assert.equal(steps.length, replay.length);
  assert.equal(steps[0], '- 0 ms, Callbacks: this lane\'s first task: the Callbacks panel\'s script starts, top to bottom.');
  // Every line is its step's: the time and lane of its event.
  for (const [i, line] of steps.entries()) {
    const { entry } = replay[i];
    assert.match(line, new RegExp(`^- ${entry.event.t} ms, (Callbacks|Promises|Rust futures): `));
  }
  assert.ok(steps.some((l) => l.startsWith('- 350 ms, Rust futures: ')));
});

test('labels and texts cannot be markup', () => {
  assert.equal(markdownText('<script>alert(1)</script> *x* | [a](b) `c`'),
    '\\<script\\>alert(1)\\</script\\> \\*x\\* \\| \\[a\\](b) \\`c\\`');
  assert.equal(markdownText('two\nlines'), 'two lines');
  assert.equal(transcript([], { title: '# <b>', link: 'http://x/#a b<c>' }).split('\n').slice(0, 3).join('|'),
    '## \\# \\<b\\>||[Open this run in the futures playground](<http://x/#a%20b%3Cc%3E>)');
});
