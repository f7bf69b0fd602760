// The first page: the notes' example runs on our executor in real time, on load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage } from './harness.mjs';

let env;
before(async () => { env = await start('web'); });
after(async () => { await env?.close(); });

// The notes' example, event by event, as the runtime records it.
const EXPECTED_KINDS = [
  'spawn', 'batch', 'poll_start', 'timer_set', 'poll_end', 'reactor_arm',
  'timer_fired', 'wake', 'batch', 'poll_start', 'timer_set', 'poll_end', 'reactor_arm',
  'timer_fired', 'wake', 'batch', 'poll_start', 'timer_set', 'poll_end', 'reactor_arm',
  'timer_fired', 'wake', 'batch', 'poll_start', 'log', 'poll_end',
];

// The lane's output shows exactly the logged line (the code above it also
// contains the text, so match the output element itself).
async function waitForLastLine(page) {
  const output = page.getByRole('region', { name: 'Rust futures' }).locator('output');
  await output.filter({ hasText: /^I'm the last one$/ }).waitFor({ timeout: 10_000 });
}

// The rows, without the state-machine `state` rows (checked in Rust tests).
async function traceRows(page) {
  const rows = await page.locator('#trace tr').evaluateAll((trs) =>
    trs.map((row) => [...row.cells].map((cell) => cell.textContent)));
  return rows.filter((row) => row[1] !== 'state');
}

test('the page runs the notes example on load and shows the last line', async () => {
  const { page, problems } = await openPage(env.browser, env.url);
  await waitForLastLine(page);

  const rows = await traceRows(page);
  assert.deepEqual(rows.map((r) => r[1]), EXPECTED_KINDS);
  const log = rows.find((r) => r[1] === 'log');
  assert.ok(Number(log[0]) >= 350, `logged at ${log[0]} ms, before 200+100+50`);
  const fired = rows.filter((r) => r[1] === 'timer_fired').map((r) => r[2]);
  assert.deepEqual(fired.map((d) => d.split(' ')[0]), ['timer=1', 'timer=2', 'timer=3']);
  for (const detail of fired) {
    const late = Number(detail.match(/late=([\d.]+)/)[1]);
    assert.ok(late >= 0, `a timer fired before its deadline: ${detail}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('Run runs it again with a fresh trace', async () => {
  const { page, problems } = await openPage(env.browser, env.url);
  await waitForLastLine(page);
  await page.getByRole('button', { name: 'Run' }).click();
  // Cleared at the click; the new run takes at least 350 ms to log again.
  assert.equal(await page.locator('output').textContent(), '');
  await waitForLastLine(page);
  const rows = await traceRows(page);
  assert.deepEqual(rows.map((r) => r[1]), EXPECTED_KINDS);
  assert.equal(rows[0][0], '0', 'times count from the new run');
  assert.deepEqual(problems, []);
  await page.close();
});
