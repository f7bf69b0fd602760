// The page's list of trace words covers every kind the trace format
// defines (docs/trace-format.md's tables), and no kind it does not: a new
// kind cannot reach the traces without its meaning for a learner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { WORDS, inWords } from '../../web/ui/trace-words.js';

test('every kind of the trace format has a meaning for a learner, and only those', async () => {
  const doc = await readFile(new URL('../../docs/trace-format.md', import.meta.url), 'utf8');
  const kinds = new Set([...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]));
  assert.ok(kinds.size > 20, `only ${kinds.size} kinds found in the format's tables`);
  const words = WORDS.map((w) => w.kind);
  assert.deepEqual([...new Set(words)].sort(), [...kinds].sort());
  assert.equal(words.length, new Set(words).size, 'a kind is listed twice');
  for (const w of WORDS) assert.ok(w.meaning.length > 20 && w.meaning.length <= 300, w.kind);
  // The position line's few words: short, and not a snake_case name again.
  for (const w of WORDS) {
    for (const short of typeof w.short === 'string' ? [w.short] : Object.values(w.short)) {
      assert.ok(short.length >= 8 && short.length <= 50 && !/[a-z]_[a-z]|:/.test(short), `${w.kind}: ${short}`);
    }
  }
});

test('the position line says an event in words, its kind in brackets; an unknown kind by its name', () => {
  assert.equal(inWords('wake', 'futures'), 'a task is woken, not run yet (wake)');
  // A timer: a JS one's words in the JS lanes, a sleep's in ours, and on spawn_local gloo's
  // setTimeout, which wakes a task (its JS words where they hold: setTimeout is called).
  assert.equal(inWords('timer_fired', 'callbacks'), 'a setTimeout callback runs (timer_fired)');
  assert.equal(inWords('timer_fired', 'spawnLocal'), 'gloo\'s setTimeout fires, waking the task (timer_fired)');
  assert.equal(inWords('timer_set', 'spawnLocal'), 'setTimeout is called (timer_set)');
  assert.equal(inWords('timer_fired', 'futures'), 'a sleep is due; the reactor wakes its task (timer_fired)');
  assert.equal(inWords('microtask_start', 'spawnLocal'), 'the polling microtask starts (microtask_start)');
  assert.equal(inWords('something_new', 'futures'), 'something_new');
});
