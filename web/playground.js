// window.playground: run a scenario in all three lanes and get their traces.
// Scenarios are validated once, in Rust; this module only orchestrates.
import { RealClock, VirtualClock, LaneTimers } from './lanes/clocks.js';
import { Recorder, TRACE_VERSION } from './lanes/recorder.js';
import { runCallbacks } from './lanes/callbacks.js';
import { runPromises } from './lanes/promises.js';
import { toChromeTrace } from './chrome-trace.js';
import { stepKey } from './lanes/step-path.js';
import { loadText, textModule as text } from './text-module.js';
import { SpawnLocalRealm, SandboxedPageError } from './lanes/spawn-local.js';

/** @import { Lane, ClockName, PromiseStyle, Scenario, RunOptions, RunResult, Code, Preset, StateMachine, Wasm } from './types.js' */
/** @import { RustLane } from './pkg/playground.js' */

/** @typedef {ReturnType<typeof createPlayground>} Playground */

const OPTIONS = ['preset', 'scenario', 'rust', 'timings', 'clock', 'promiseStyle', 'oneByOne', 'seed', 'compare'];

/** The largest seed: a u32, which JS and the share link write exactly. */
export const MAX_SEED = 0xffff_ffff;

// A macrotask boundary: every queued microtask (promise reaction) has run.
const channel = new MessageChannel();
/** @type {(() => void)[]} */
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
/** @returns {Promise<void>} */
function nextTask() {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * An error's message, whichever realm made it (the spawn_local lane's
 * errors are its iframe's `Error`s, which `instanceof Error` misses).
 * @param {unknown} error
 */
function messageOf(error) {
  const message = /** @type {{message?: unknown}} */ (error)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** @param {RunOptions} options */
function checkOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error('options: must be an object such as {preset: "sequential"}');
  }
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) {
      throw new Error(`options.${String(key).slice(0, 40)}: is not an option (allowed: ${OPTIONS.join(', ')})`);
    }
  }
  const clock = options.clock ?? 'virtual';
  if (clock !== 'real' && clock !== 'virtual') {
    throw new Error('clock: must be "real" or "virtual"');
  }
  const promiseStyle = options.promiseStyle ?? 'then';
  if (promiseStyle !== 'then' && promiseStyle !== 'await') {
    throw new Error('promiseStyle: must be "then" or "await"');
  }
  if (options.oneByOne !== undefined && typeof options.oneByOne !== 'boolean') {
    throw new Error('oneByOne: must be true or false');
  }
  if (options.compare !== undefined && typeof options.compare !== 'boolean') {
    throw new Error('compare: must be true or false');
  }
  // What a select! without biased; draws from (the Rust lane's only chance).
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new Error(`seed: must be a whole number from 0 to ${MAX_SEED}, got ${String(seed).slice(0, 40)}`);
  }
  return { clock, promiseStyle, oneByOne: options.oneByOne === true, seed, compare: options.compare === true };
}

/**
 * The page's playground API (see README), over the loaded wasm module. A
 * program text (`rust`) needs the text module too (text-module.js): `run`
 * loads it first; `code` and `parse` of a text, and `stateMachine` of any
 * program, throw, saying so, until it is loaded (just after the page's
 * first run).
 * @param {Wasm} wasm
 */
export function createPlayground(wasm) {
  /** @type {Partial<Record<ClockName, RustLane>>} */
  const rustLanes = {};
  /** @type {Run | null} */
  let current = null;
  /** @type {RunResult | null} */
  let last = null;

  /** @type {Preset[]} what the presets declare (program/presets.rs) */
  const presetList = wasm.presets();
  /** @param {ClockName} clock */
  const rustLane = (clock) => (rustLanes[clock] ??= new wasm.RustLane(clock === 'virtual'));

  /**
   * The scenario a run's options name, and the Rust program text if they
   * give one (with `timings` written into it). Throws an Error naming every
   * bad field, or where a program text is not accepted (`line`, `column`).
   * @param {RunOptions} options
   * @returns {{scenario: Scenario, rust?: string}}
   */
  function resolve(options) {
    if (options.rust === undefined) {
      return { scenario: wasm.resolveScenario(options.preset, options.scenario, options.timings) };
    }
    if (options.preset !== undefined || options.scenario !== undefined) {
      throw new Error('preset, scenario, rust: give one of them, not more');
    }
    if (typeof options.rust !== 'string') throw new Error('rust: must be a program text (a string)');
    const parsed = text().parse(options.rust);
    if (options.timings === undefined) return { scenario: parsed, rust: options.rust };
    const scenario = wasm.resolveScenario(undefined, parsed, options.timings);
    return { scenario, rust: text().setTimings(options.rust, Uint32Array.from(timersOf(scenario))) };
  }

  /**
   * Each lane's code; for a program text, the Rust panel is that text, and
   * its steps' lines are lines of it.
   * @param {Scenario} scenario
   * @param {PromiseStyle} promiseStyle
   * @param {string | undefined} preset
   * @param {string | undefined} rust
   * @returns {{code: Code, lineOf: (line: number) => number}}
   */
  function codeFor(scenario, promiseStyle, preset, rust) {
    /** @type {Code} */
    const code = wasm.renderCode(scenario, promiseStyle, preset);
    if (rust === undefined) return { code, lineOf: (line) => line };
    const map = text().lineMap(rust);
    /** @param {number} line a line of the rendered panel */
    const lineOf = (line) => map[line - 1] ?? line;
    const steps = code.futures.steps.map(({ step, line }) => ({ step, line: lineOf(line) }));
    code.futures = { code: rust, steps };
    return { code, lineOf };
  }

  /**
   * @param {RunOptions} [options]
   * @returns {Promise<RunResult>}
   */
  async function run(options = {}) {
    const { clock, promiseStyle, oneByOne, seed, compare } = checkOptions(options);
    if (options.rust !== undefined) await loadText();
    // Throws an Error naming every bad field; nothing runs then.
    const { scenario, rust: text } = resolve(options);
    current?.cancel();
    const rust = rustLane(clock);
    const forget = presetList.some((p) => p.id === options.preset && p.forgetsWake);
    const run = new Run(scenario, options.preset, clock, promiseStyle, rust, forget, seed, compare);
    current = run;
    const result = await run.execute(oneByOne);
    if (current === run) current = null;
    const { code, lineOf } = codeFor(scenario, promiseStyle, options.preset, text);
    nameLines(result, code);
    // A state's line is a line of the panel that ran: the text's.
    if (text !== undefined) {
      for (const event of result.futures.events) {
        if (event.kind === 'state' && event.line !== undefined) event.line = lineOf(event.line);
      }
    }
    last = result;
    return result;
  }

  /** Each lane's code for a run's options: `{callbacks, promises, futures}`,
   * each `{code, steps}` (each step's first line: `{step: [1], line: 5}`).
   * @param {RunOptions} [options]
   * @returns {Code}
   */
  function code(options = {}) {
    const { promiseStyle } = checkOptions(options);
    const { scenario, rust } = resolve(options);
    return codeFor(scenario, promiseStyle, options.preset, rust).code;
  }

  /** The enum rustc makes of the Rust panel's `run()` for a run's options,
   * each helper `async fn`'s, each spawned `async` block's, and `run()`'s
   * size where known: `{variants, helpers, tasks, size, preset,
   * lane_runs_it}` (`lane_runs_it`: the Rust lane
   * runs that measured `run()` itself).
   * @param {RunOptions} [options]
   * @returns {StateMachine}
   */
  function stateMachine(options = {}) {
    checkOptions(options);
    const { scenario, rust } = resolve(options);
    // Read by the text module, which the page loads just after its first run.
    if (rust === undefined) return text().stateMachine(scenario, options.preset);
    /** @type {StateMachine} */
    const machine = text().stateMachineOfText(rust);
    // Lines of the typed text, as the trace's are.
    const map = text().lineMap(rust);
    const enums = [...machine.helpers, ...machine.tasks];
    for (const variant of [...machine.variants, ...enums.flatMap((e) => e.variants)]) {
      if (variant.line !== undefined && variant.line !== null) variant.line = map[variant.line - 1] ?? variant.line;
    }
    for (const task of machine.tasks) task.line = map[task.line - 1] ?? task.line;
    return machine;
  }

  return {
    code,
    stateMachine,
    presets: () => presetList.map(({ id, name, special }) => ({ id, name, special })),
    explain: /** @param {string} id */ (id) => presetList.find((p) => p.id === id)?.explanation,
    run,
    /** @type {(source: string) => Scenario} */
    parse: (source) => {
      if (typeof source !== 'string') throw new Error('parse: give a program text (a string)');
      return text().parse(source);
    },
    lastRun: () => last,
    toChromeTrace,
    encodeFragment: /** @param {Scenario} scenario */ (scenario) => wasm.encodeFragment(scenario),
    /** @type {(fragment: string) => Scenario} */
    decodeFragment: (fragment) => wasm.decodeFragment(fragment),
    counters: /** @param {ClockName} [clock] */ (clock = 'virtual') => rustLane(clock).counters(),
    wasmMemoryBytes: () => wasm.wasmMemoryBytes(),
  };
}

/**
 * The timers' delays in reading order.
 * @param {Scenario} step
 * @param {number[]} [out]
 */
export function timersOf(step, out = []) {
  // A sleep for a helper's parameter has no number of its own.
  if (step.type === 'sleep' && step.ms !== undefined) out.push(step.ms);
  if ('steps' in step) for (const child of step.steps) timersOf(child, out);
  return out;
}

/**
 * Gives every event that names its step the line of that step in its lane's code.
 * @param {RunResult} result
 * @param {Code} code
 */
function nameLines(result, code) {
  /** @type {[import('./types.js').Trace | undefined, Lane][]} */
  const traces = [[result.callbacks, 'callbacks'], [result.promises, 'promises'], [result.futures, 'futures'],
    // The spawn_local lane runs the Rust panel's code: its lines are that panel's.
    [result.spawnLocal, 'futures']];
  for (const [trace, lane] of traces) {
    const lines = new Map(code[lane].steps.map(({ step, line }) => [stepKey(step), line]));
    for (const event of trace?.events ?? []) {
      const line = 'step' in event && event.step !== undefined ? lines.get(stepKey(event.step)) : undefined;
      if (line !== undefined) event.line = line;
    }
  }
}

/** One run of the three lanes. */
class Run {
  /**
   * @param {Scenario} scenario
   * @param {string | undefined} preset
   * @param {ClockName} clock
   * @param {PromiseStyle} promiseStyle
   * @param {RustLane} rust
   * @param {boolean} forget the preset's JS panels lose their continuation
   *   (its Preset's `forgetsWake`: lost-wake)
   * @param {number} seed what an unbiased select! draws from
   * @param {boolean} compare run the Rust program on spawn_local too
   */
  constructor(scenario, preset, clock, promiseStyle, rust, forget, seed, compare) {
    this.scenario = scenario;
    this.seed = seed;
    this.preset = preset;
    this.forget = forget;
    this.clockName = clock;
    this.promiseStyle = promiseStyle;
    this.rust = rust;
    this.cancelled = false;
    this.rustDone = false;
    /** @type {Promise<void>} */
    this.whenCancelled = new Promise((resolve) => (this.onCancel = resolve));
    // On the virtual clock each lane keeps its own time, so a block in one
    // lane delays only its own timers; on the real clock the lanes share the
    // page's one thread, and a block delays them all.
    const order = { n: 0 };
    const real = new RealClock();
    const laneClock = () => (clock === 'virtual' ? new VirtualClock(rust.now(), order) : real);
    this.timers = {
      callbacks: new LaneTimers(laneClock()),
      promises: new LaneTimers(laneClock()),
      futures: new LaneTimers(laneClock()), // only for JS Promises the Rust lane awaits
      // The spawn_local lane's realm's timers (gloo's), when it runs.
      ...(compare ? { spawnLocal: new LaneTimers(laneClock()) } : {}),
    };
    /** @type {SpawnLocalRealm | null} */
    this.realm = null;
    /** @type {string | undefined} why the spawn_local lane could not run this program */
    this.spawnLocalRefused = undefined;
  }

  cancel() {
    this.cancelled = true;
    this.onCancel();
    Object.values(this.timers).forEach((timers) => timers.cancel());
    this.rust.cancel();
    this.realm?.close();
  }

  /** A lane is over when its program is done and its timers have fired, or
   * when nothing of it can happen any more: no timer pending, and one task
   * later no microtask either (the lost-wake panels never finish).
   * @param {Promise<unknown>} program
   * @param {LaneTimers} timers
   */
  finished(program, timers) {
    const stalled = async () => {
      for (;;) {
        await timers.idle();
        await nextTask(); // the lane's microtasks have all run by then
        if (timers.live.size === 0) return;
      }
    };
    return Promise.race([program.then(() => timers.idle()), stalled()]);
  }

  startCallbacks() {
    const timers = this.timers.callbacks;
    this.callbacks = new Recorder('callbacks', this.clockName, timers);
    const { forget } = this;
    return this.finished(runCallbacks(this.scenario, this.callbacks, { forget }), timers);
  }

  startPromises() {
    const timers = this.timers.promises;
    this.promises = new Recorder('promises', this.clockName, timers);
    const { forget } = this;
    return this.finished(runPromises(this.scenario, this.promises, this.promiseStyle, { forget }), timers);
  }

  startFutures() {
    const timers = this.timers.futures;
    /**
     * @param {number} ms
     * @returns {Promise<void>}
     */
    const makePromise = (ms) => new Promise((resolve) => timers.setTimeout(resolve, ms));
    const started = this.rust.start(this.scenario, this.preset, this.seed, makePromise);
    started.then(() => (this.rustDone = true), () => (this.rustDone = true));
    return Promise.race([started, this.rustStuck()]);
  }

  /** The Rust program on spawn_local, in its realm (opened before the lanes
   * start, so the Virtual driver sees its timers from the first step). */
  startSpawnLocal() {
    const timers = /** @type {LaneTimers} */ (this.timers.spawnLocal);
    const realm = this.realm;
    // Where the lane could not be loaded, the other lanes still run.
    if (!realm) return Promise.resolve();
    let program;
    try {
      program = realm.start(this.scenario, this.preset);
    } catch (error) {
      // An Error of the realm's, not of this page's: read its message as such.
      this.spawnLocalRefused = messageOf(error);
      return Promise.resolve();
    }
    return this.finished(program, timers);
  }

  /** Resolves once the Rust lane's task is stuck (it lost its waker:
   * lost-wake) and nothing else can happen: no timer, timeout or queued task.
   * Checked every 20 ms (browser time) while the run lasts.
   * @returns {Promise<void>}
   */
  rustStuck() {
    return new Promise((resolve) => {
      const check = () => {
        if (this.cancelled) return;
        const c = this.rust.counters();
        if (c.stuckTasks > 0 && c.queuedTasks === 0 && c.pendingTimers === 0 && c.armedTimeouts === 0) resolve();
        else if (!this.rustDone) setTimeout(check, 20);
      };
      setTimeout(check, 20);
    });
  }

  /**
   * @param {boolean} oneByOne
   * @returns {Promise<RunResult>}
   */
  async execute(oneByOne) {
    const starts = [() => this.startCallbacks(), () => this.startPromises(), () => this.startFutures()];
    if (this.timers.spawnLocal) {
      try {
        this.realm = await SpawnLocalRealm.open(this.timers.spawnLocal);
      } catch (error) {
        this.spawnLocalRefused = error instanceof SandboxedPageError
          ? 'Rust on spawn_local can\'t run in this embed. Use Open in the playground, above, to run it. (For the writer: this '
            + 'embed is sandboxed without allow-same-origin.)'
          : `The spawn_local lane could not be loaded, so this run has three lanes. Check your connection, then run again. (Browser said: ${messageOf(error).slice(0, 80)})`;
      }
      starts.push(() => this.startSpawnLocal());
    }
    // The realm, if one opened, is the run's: closed however the run ends.
    try {
      // A newer run owns the lanes now (the Rust lane is one per clock):
      // start none of them.
      if (this.cancelled) throw new Error('run: cancelled by a newer run');
      if (oneByOne) {
        for (const start of starts) {
          // A newer run owns the lanes now: start nothing more.
          if (this.cancelled) break;
          await this.settle([start()]);
        }
      } else {
        await this.settle(starts.map((start) => start()));
      }
      if (this.cancelled) throw new Error('run: cancelled by a newer run');
      // Not cancelled: every lane was started.
      /** @type {RunResult} */
      const result = {
        callbacks: /** @type {Recorder} */ (this.callbacks).trace(),
        promises: /** @type {Recorder} */ (this.promises).trace(),
        futures: { version: TRACE_VERSION, lane: 'futures', clock: this.clockName, events: this.rust.events() },
      };
      if (this.spawnLocalRefused !== undefined) result.spawnLocalRefused = this.spawnLocalRefused;
      else if (this.realm) result.spawnLocal = { version: TRACE_VERSION, lane: 'spawn_local', clock: this.clockName, events: this.realm.events() };
      return result;
    } finally {
      this.realm?.close();
    }
  }

  /**
   * Waits for the lanes; on the virtual clock, drives time until all idle.
   * @param {Promise<unknown>[]} lanes
   */
  async settle(lanes) {
    if (this.clockName === 'virtual') await this.driveVirtual();
    await Promise.race([Promise.all(lanes), this.whenCancelled]);
  }

  // Time stands still while any lane has work (a promise reaction, a Rust
  // turn); when all are idle, it jumps to the next deadline of any lane (a
  // lane whose block took it past that keeps its own, later time).
  async driveVirtual() {
    const { rust } = this;
    const clocks = Object.values(this.timers).map((timers) => /** @type {VirtualClock} */ (timers.clock));
    for (;;) {
      await nextTask();
      if (this.cancelled) return;
      if (rust.runUntilStalled() > 0) continue;
      const deadlines = [...clocks.map((clock) => clock.next()), rust.nextTimeout()].filter((t) => t !== undefined);
      if (deadlines.length === 0) return;
      const next = Math.min(...deadlines);
      clocks.forEach((clock) => clock.advanceTo(next));
      rust.advanceTo(next);
      // One JS timer callback per task, as a browser runs them: of the due
      // ones, the earliest set first.
      const due = clocks
        .filter((clock) => clock.due())
        .sort((a, b) => {
          const [x, y] = [/** @type {{at: number, order: number}} */ (a.due()), /** @type {{at: number, order: number}} */ (b.due())];
          return x.at - y.at || x.order - y.order;
        })[0];
      if (!due?.fireNext()) rust.runUntilStalled();
    }
  }
}
