// `just bench`: our runtime against wasm-bindgen-futures + gloo-timers and
// plain JS, in one headless Chromium, alternating A B C A B C... after a
// warm-up. Writes target/bench/results.json and the table in
// docs/benchmarks.md. `--quick`: tiny sizes, one round, checks only that
// everything completes (for `just test`); writes nothing. `BENCH_ONLY=spawn,polls`:
// only those workloads, no page figures; writes nothing (for trying a change;
// `BENCH_ONLY=replay` needs only dist/, not bench/pkg; `BENCH_ONLY=page`: the
// page's figures alone). `BENCH_BASELINE=<a dist/ directory>`: the page's
// figures of that build too (an older commit's `just build`), its loads
// interleaved with this one's, so a change is measured before and after in
// one run. `BENCH_PAGE_LOADS=N`: N loads of each page (5 by default;
// `--quick` loads each once).
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { pageWeight } from './page-weight.mjs';
import { measureReplay, replayFigures } from './bench-replay.mjs';
// The system Chromium, as for the end-to-end tests (playwright.config.mjs).
const CHROME = process.env.CHROME ?? '/usr/bin/chromium';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : Number(process.env.BENCH_ROUNDS ?? 7);
/** Milliseconds each executor runs a workload before it is measured. */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const ONLY = process.env.BENCH_ONLY?.split(',');
const BASELINE = process.env.BENCH_BASELINE;
// Loads of each page (and of the baseline's), interleaved: on a busy machine
// five loads give a median that moves by tens of ms from run to run.
const PAGE_LOADS = quick ? 1 : Number(process.env.BENCH_PAGE_LOADS ?? 5);
if (!Number.isInteger(PAGE_LOADS) || PAGE_LOADS < 1) throw new Error(`BENCH_PAGE_LOADS: must be a whole number from 1, got ${process.env.BENCH_PAGE_LOADS}`);
const partial = Boolean(ONLY);
const n = (big, small) => (quick ? small : big);
const WORKLOADS = [
  { id: 'spawn', title: 'spawn and complete 100,000 trivial tasks', metric: 'elapsed',
    params: { count: n(100_000, 100) }, executors: ['ours', 'spawn_local'] },
  // What a page that spawns now and then pays: each spawn is from a new
  // browser task, where the runtime is idle, so its first poll waits for
  // whatever the spawn does before it asks for a turn. Elapsed: spawn to
  // done, summed; the messages between are not counted, so a warm-up of
  // 100 ms of it already takes seconds (the code is the spawn workload's,
  // warmed up just before).
  { id: 'spawn-one', title: '1,000 tasks, each spawned from a new browser task and completed', metric: 'elapsed',
    params: { times: n(1_000, 3) }, executors: ['ours', 'spawn_local'], warmupMs: 100 },
  { id: 'polls', title: '1,000,000 polls (10,000 tasks × 100 yields)', metric: 'elapsed',
    params: { tasks: n(10_000, 10), yields: n(100, 3) }, executors: ['ours', 'spawn_local'] },
  ...[1_000, 10_000, 100_000].map((count) => ({
    id: `timers-${count}`, workload: 'timers', title: `${count.toLocaleString('en')} sleeps over 0–50 ms`,
    metric: 'overhead', params: { count: n(count, 20), spread: n(50, 5), seed: 7 },
    executors: ['ours', 'spawn_local', 'js', 'ours-traced'],
  })),
  // Every deadline at 0: the overhead is the whole run (spawning, the first
  // polls, firing, the second polls), with no race against the deadlines.
  { id: 'timers-100000-at-0', workload: 'timers', title: '100,000 sleeps, all due at 0 ms',
    metric: 'overhead', params: { count: n(100_000, 20), spread: 0, seed: 7 },
    executors: ['ours', 'spawn_local', 'js', 'ours-traced'] },
].filter((w) => !ONLY || ONLY.includes(w.id));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measureWorkloads(page) {
  const results = [];
  for (const w of WORKLOADS) {
    const samples = Object.fromEntries(w.executors.map((e) => [e, []]));
    const once = async (executor) => {
      const r = await page.evaluate(([workload, ex, params]) => window.bench.run(workload, ex, params),
        [w.workload ?? w.id, executor, w.params]);
      if (!r.completed) throw new Error(`${w.id}/${executor} did not complete`);
      return r;
    };
    // Warm-up: rounds until every executor has run WARMUP_MS, so V8 has
    // tiered each one's hot code up (its optimizing tier comes later and
    // inlines the indirect calls its baseline tier saw). One round, as
    // before, measured 100,000 spawns at 7.5 ms (spawn_local 5.2) instead of
    // 4.8 (3.8), 2026-11-30; the polls' ratio did not change.
    const warmed = Object.fromEntries(w.executors.map((e) => [e, 0]));
    for (;;) {
      const cold = quick ? [] : w.executors.filter((e) => warmed[e] < (w.warmupMs ?? WARMUP_MS));
      if (cold.length === 0) break;
      for (const executor of cold) warmed[executor] += (await once(executor)).elapsed;
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const executor of w.executors) samples[executor].push(await once(executor));
    }
    const figures = {};
    for (const [executor, rs] of Object.entries(samples)) {
      const values = rs.map((r) => r[w.metric]);
      figures[executor] = {
        median: median(values), min: Math.min(...values), max: Math.max(...values),
        worstLateness: median(rs.map((r) => r.worstLateness)),
      };
    }
    results.push({ ...w, figures });
    console.log(`${w.id}: ${Object.entries(figures).map(([e, f]) => `${e} ${f.median.toFixed(2)} ms`).join(', ')}`);
  }
  return results;
}

/** What a dist/ directory sends: its first-run wasm, the editor and the
 * text module (both loaded after the first run), and each page before its
 * first run, gzipped.
 * @param {URL} dist */
async function distSizes(dist) {
  let editor = 0;
  let text = 0;
  let wasm = { raw: 0, gzipped: 0 };
  for (const file of (await readdir(new URL('assets/', dist))).map((f) => `assets/${f}`)) {
    const bytes = await readFile(new URL(file, dist));
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (file.startsWith('assets/editor-')) editor += gz;
    if (file.startsWith('assets/text-')) text += gz;
    if (file.startsWith('assets/playground-')) wasm = { raw: bytes.length, gzipped: gz };
  }
  const distGzipped = (await pageWeight(dist, 'index.html')).gzipped;
  const embedGzipped = (await pageWeight(dist, 'embed.html')).gzipped;
  return { wasm, distGzipped, editorGzipped: editor, textGzipped: text, embedGzipped };
}

/**
 * Run in each page before its scripts: tells the bench when its first run
 * is on screen. The page says its first run's script is done with
 * `body[data-ready]`; the frame after that lays it out and paints it, and a
 * task posted from that frame's animation callback runs after its paint.
 * Watched, not polled, and told through a binding: the bench evaluates
 * nothing in the page meanwhile (a poll, or Playwright's injected script,
 * would take the page's one thread from it).
 */
function watchFirstRun() {
  new MutationObserver((_, observer) => {
    observer.disconnect();
    const script = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.firstRunOnScreen({ script, painted: performance.now() });
      channel.port2.postMessage(null);
    });
  }).observe(document, { subtree: true, attributeFilter: ['data-ready'] });
}

/**
 * A new page at `url`, and when its first run was on screen.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @returns {Promise<{script: number, painted: number}>} ms since navigation:
 *   when its script was done, and when the frame after it was painted
 */
async function loadTimes(browser, url) {
  const page = await browser.newPage();
  /** @type {(times: {script: number, painted: number}) => void} */
  let tell = () => {};
  /** @type {Promise<{script: number, painted: number}>} */
  const told = new Promise((resolve, reject) => {
    tell = resolve;
    // A page that never gets there fails the bench, as a wait for it would.
    page.on('pageerror', reject);
    setTimeout(() => reject(new Error(`${url}: no first run on screen within 30 s`)), 30_000).unref();
  });
  // Awaited below; if the load itself fails first, its error is the one thrown.
  told.catch(() => {});
  await page.exposeFunction('firstRunOnScreen', tell);
  await page.addInitScript(watchFirstRun);
  try {
    await page.goto(url);
    return await told;
  } finally {
    await page.close();
  }
}

async function pageFigures(browser) {
  const builds = [{ name: 'now', dist: new URL('../dist/', import.meta.url) }];
  if (BASELINE) builds.push({ name: 'baseline', dist: pathToFileURL(`${resolve(BASELINE)}/`) });
  const figures = {};
  for (const build of builds) {
    const server = await serve(build.dist.pathname, { port: 0 });
    figures[build.name] = { ...await distSizes(build.dist), server, times: [], embedTimes: [] };
  }
  // The page and the embed, of each build, interleaved: the machine's noise
  // falls on all of them alike.
  for (let i = 0; i < PAGE_LOADS; i += 1) {
    for (const path of ['/', '/embed.html']) {
      for (const build of builds) {
        const f = figures[build.name];
        const times = await loadTimes(browser, `http://127.0.0.1:${f.server.address().port}${path}`);
        (path === '/' ? f.times : f.embedTimes).push(times);
      }
    }
  }
  for (const build of builds) {
    const { server, times, embedTimes, ...sizes } = figures[build.name];
    await new Promise((done) => server.close(done));
    const painted = times.map((t) => t.painted);
    const embedPainted = embedTimes.map((t) => t.painted);
    figures[build.name] = {
      ...sizes,
      firstRun: median(painted),
      firstRunScript: median(times.map((t) => t.script)),
      embedFirstRun: median(embedPainted),
      embedFirstRunScript: median(embedTimes.map((t) => t.script)),
      firstRuns: painted,
      embedFirstRuns: embedPainted,
    };
  }
  return { ...figures.now, baseline: figures.baseline };
}

/** Sleeps held pending for the memory workload, and how long they wait. */
const HELD = quick ? 100 : 100_000;
const HELD_MS = 600_000;

/**
 * Memory held by HELD pending sleeps, per executor: the JS heap (after a
 * forced collection, through the DevTools protocol) plus the wasm linear
 * memory, after minus before, each in a fresh page (spawn_local's tasks
 * cannot be cancelled, so a page is the only clean slate).
 */
async function measureMemory(browser, url) {
  const executors = ['ours', 'spawn_local', 'js'];
  const samples = Object.fromEntries(executors.map((e) => [e, []]));
  for (let round = 0; round < (quick ? 1 : ROUNDS); round += 1) {
    for (const executor of executors) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      const cdp = await page.context().newCDPSession(page);
      const held = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize + await page.evaluate(() => window.bench.wasmMemoryBytes());
      };
      const before = await held();
      await page.evaluate(([ex, count, ms]) => window.bench.hold(ex, count, ms), [executor, HELD, HELD_MS]);
      // Let every task be polled once, so each timer is registered.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      samples[executor].push((await held()) - before);
      await page.close();
    }
  }
  const figures = Object.fromEntries(Object.entries(samples).map(([e, xs]) => [e, median(xs)]));
  console.log(`memory for ${HELD} pending sleeps: ${executors.map((e) => `${e} ${(figures[e] / 1e6).toFixed(2)} MB`).join(', ')}`);
  return { sleeps: HELD, bytes: figures };
}

function markdown(results, page, meta, memory) {
  const fmt = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
  const lines = [
    `Measured ${meta.date} in ${meta.browser} (headless, cross-origin isolated, so \`performance.now()\` counts in 5 µs steps), ${meta.cores} cores; ${ROUNDS} rounds after a warm-up (each executor runs each workload for ${WARMUP_MS} ms first), executors alternating. Medians, with min–max; ratio = peer ÷ ours (higher is better for us).`,
    '',
    '| workload | metric | ours | spawn_local + gloo | plain JS | ours, traced | spawn_local ÷ ours | JS ÷ ours | traced ÷ ours |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results.filter((x) => x.figures.ours)) {
    const f = r.figures;
    const cell = (e) => (f[e] ? `${fmt(f[e].median)} (${fmt(f[e].min)}–${fmt(f[e].max)})` : '—');
    // performance.now() is coarsened to 0.1 ms here: a median of 0 means
    // "under 0.1 ms", so the ratio is only a lower bound.
    const ratio = (e) => {
      if (!f[e]) return '—';
      if (f.ours.median === 0) return `> ${(f[e].median / 0.1).toFixed(0)}×`;
      return `${(f[e].median / f.ours.median).toFixed(2)}×`;
    };
    lines.push(`| ${r.title} | ${r.metric} ms | ${cell('ours')} | ${cell('spawn_local')} | ${cell('js')} | ${cell('ours-traced')} | ${ratio('spawn_local')} | ${ratio('js')} | ${ratio('ours-traced')} |`);
  }
  lines.push('', '| timers: worst lateness of any sleep (ms, median) | ours | spawn_local + gloo | plain JS |', '|---|---|---|---|');
  for (const r of results.filter((x) => x.metric === 'overhead')) {
    lines.push(`| ${r.title} | ${fmt(r.figures.ours.worstLateness)} | ${fmt(r.figures.spawn_local.worstLateness)} | ${fmt(r.figures.js.worstLateness)} |`);
  }
  const replayRun = results.find((x) => x.id === 'replay');
  if (replayRun) {
    const f = replayRun.figures;
    const cell = (x) => `${x.median.toFixed(2)} (p95 ${x.p95.toFixed(2)})`;
    lines.push('', `| ${replayRun.title} (${f.events} events, ${f.steps} steps) | ms |`, '|---|---|',
      `| build the replay model (build_ms) | ${f.build_ms.toFixed(2)} |`,
      `| a step's work: key to layout done (step_work_ms) | ${cell(f.step_work_ms)} |`,
      `| key to the next frame (step_frame_ms) | ${cell(f.step_frame_ms)} |`,
      `| the next frame, no step (frame_floor_ms) | ${cell(f.frame_floor_ms)} |`);
  }
  const perSleep = (bytes) => `${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / memory.sleeps)} B a sleep)`;
  lines.push('', `| memory held by ${memory.sleeps.toLocaleString('en')} pending sleeps (JS heap after GC + wasm memory, median) | ours | spawn_local + gloo | plain JS | spawn_local ÷ ours | JS ÷ ours |`,
    '|---|---|---|---|---|---|',
    `| bytes | ${perSleep(memory.bytes.ours)} | ${perSleep(memory.bytes.spawn_local)} | ${perSleep(memory.bytes.js)} | ${(memory.bytes.spawn_local / memory.bytes.ours).toFixed(2)}× | ${(memory.bytes.js / memory.bytes.ours).toFixed(2)}× |`);
  lines.push('', '| page | figure |', '|---|---|',
    `| the first run's wasm | ${page.wasm.raw.toLocaleString('en')} B, ${page.wasm.gzipped.toLocaleString('en')} B gzipped |`,
    `| dist/ until the first run | ${page.distGzipped.toLocaleString('en')} B gzipped (budget: 120 KB before the editor) |`,
    `| the editor, loaded after it | ${page.editorGzipped.toLocaleString('en')} B gzipped |`,
    `| the program text's module (the parser), loaded with the editor | ${page.textGzipped.toLocaleString('en')} B gzipped |`,
    `| navigation to the first Virtual run on screen (the frame after it painted) | ${page.firstRun.toFixed(0)} ms (median of ${PAGE_LOADS}; budget: under 250 ms, issue 26: 200 ms) |`,
    `| navigation to the first run's script done (before its layout and paint) | ${page.firstRunScript.toFixed(0)} ms (median of ${PAGE_LOADS}) |`,
    `| the embed (embed.html) until its first run | ${page.embedGzipped.toLocaleString('en')} B gzipped (budget: 100 KB) |`,
    `| the embed: navigation to its first run on screen | ${page.embedFirstRun.toFixed(0)} ms, its script done at ${page.embedFirstRunScript.toFixed(0)} ms (medians of ${PAGE_LOADS}, interleaved with the page's) |`);
  return lines.join('\n');
}

/** The page's replay (tools/bench-replay.mjs), in dist/ as a user gets it. */
async function replay(browser) {
  const server = await serve(new URL('../dist/', import.meta.url).pathname, { port: 0, isolated: true });
  try {
    const r = await measureReplay(browser, `http://127.0.0.1:${server.address().port}/`, { positions: quick ? 20 : undefined });
    const figures = replayFigures(r);
    const f = (x) => `${x.median.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms`;
    console.log(`replay: ${figures.events} events, build ${figures.build_ms.toFixed(2)} ms; step work ${f(figures.step_work_ms)}; `
      + `step to frame ${f(figures.step_frame_ms)}; frame floor ${f(figures.frame_floor_ms)}`);
    return { id: 'replay', title: 'the replay of the largest program, stepped with →', figures };
  } finally {
    await new Promise((done) => server.close(done));
  }
}

/** The executors' bench page, ready. */
async function benchPage(browser) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(benchUrl);
  await page.waitForSelector('body[data-ready="true"]');
  // Else the clock counts in 100 µs steps, 3 % of the spawn workload.
  if (!await page.evaluate(() => crossOriginIsolated)) throw new Error('bench page: not cross-origin isolated');
  return page;
}

const benchServer = await serve(new URL('../bench/', import.meta.url).pathname, { port: 0, isolated: true });
const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
const benchUrl = `http://127.0.0.1:${benchServer.address().port}/`;
try {
  // The executors' page (bench/), unless only the page's replay is asked for.
  const results = WORKLOADS.length > 0 || !partial ? await measureWorkloads(await benchPage(browser)) : [];
  if (!ONLY || ONLY.includes('replay')) results.push(await replay(browser));
  const memory = partial ? null : await measureMemory(browser, benchUrl);
  const pageStats = partial && !ONLY.includes('page') ? null : await pageFigures(browser);
  for (const [name, stats] of pageStats ? [['page', pageStats], ['baseline', pageStats.baseline]] : []) {
    if (!stats) continue;
    console.log(`${name}: wasm ${stats.wasm.gzipped} B gz, dist ${stats.distGzipped} B gz, first run on screen ${stats.firstRun.toFixed(0)} ms (script ${stats.firstRunScript.toFixed(0)}) `
      + `(${stats.firstRuns.map((t) => t.toFixed(0)).join(', ')}); embed ${stats.embedGzipped} B gz, first run `
      + `${stats.embedFirstRun.toFixed(0)} ms (${stats.embedFirstRuns.map((t) => t.toFixed(0)).join(', ')}); text module ${stats.textGzipped} B gz`);
  }
  if (!quick && !partial) {
    const meta = { date: new Date().toISOString().slice(0, 10), browser: `Chromium ${browser.version()}`, cores: cpus().length };
    await mkdir(new URL('../target/bench/', import.meta.url), { recursive: true });
    await writeFile(new URL('../target/bench/results.json', import.meta.url),
      JSON.stringify({ meta, results, memory, page: pageStats }, null, 1));
    const docPath = new URL('../docs/benchmarks.md', import.meta.url);
    const doc = await readFile(docPath, 'utf8');
    const table = markdown(results, pageStats, meta, memory);
    const updated = doc.replace(/<!-- results -->[\s\S]*<!-- \/results -->/, `<!-- results -->\n${table}\n<!-- /results -->`);
    await writeFile(docPath, updated);
    console.log(`\n${table}\n\nWrote target/bench/results.json and docs/benchmarks.md.`);
  }
} finally {
  await browser.close();
  await new Promise((done) => benchServer.close(done));
}
