// The lane "Rust on spawn_local": the Rust panel's program on
// wasm-bindgen-futures' spawn_local and gloo-timers, from the third wasm
// module (pkg/playground_spawn_local.js, the crate's feature `spawn-local`).
//
// gloo and spawn_local use the global setTimeout, clearTimeout and
// queueMicrotask, and the lane times its records with performance.now. To
// run them on the page's clocks (the Virtual one included), each run loads
// the module into a realm of its own: a hidden same-origin iframe (about:blank,
// so it keeps the page's Content-Security-Policy) whose globals are replaced
// with the run's LaneTimers before the module is loaded. The replacements
// also tell the lane what its edges cannot see from inside: each timer set,
// fired and cleared, and each microtask the executor queues and runs. A
// same-origin iframe shares the page's event loop and microtask queue, so
// the page's Virtual driver moves this lane as it moves the others.
import { assetUrl } from '../dom.js';

/** @import { LaneTimers } from './clocks.js' */
/** @import { SpawnLocalLane } from '../pkg/playground_spawn_local.js' */

/** @typedef {typeof import('../pkg/playground_spawn_local.js')} SpawnLocalModule */

/**
 * The spawn_local lane's code: the Rust panel's, with only its `use` lines
 * changed, `runtime::` to `spawn_local_lane::` (which has the same names:
 * `prelude`, `time`, `println`; the compiled copies are made the same way,
 * crates/playground/tests/spawn_local_panels.rs).
 * @param {string} rust the Rust panel's text
 */
export const spawnLocalCode = (rust) => rust.replace(/(^|;)(\s*use\s+)runtime(?=\s*::)/gm, '$1$2spawn_local_lane');

/** @type {Promise<WebAssembly.Module> | undefined} the lane's wasm, compiled once */
let compiled;

/**
 * The lane's wasm, downloaded and compiled once for every run's realm (a
 * module is not tied to a realm; an instance is). A failed download is tried
 * again on the next call. Measured: a Virtual run of the notes' example with
 * the comparison took 29 to 33 ms (medians of 30, three rounds) when each
 * realm downloaded and compiled its own, 22 to 27 ms with this.
 * @returns {Promise<WebAssembly.Module>}
 */
function compiledWasm() {
  compiled ??= WebAssembly.compileStreaming(fetch(assetUrl('spawn-local-wasm'))).catch((error) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

/** The page is in a sandbox without allow-same-origin (an embed, say): its
 * origin is opaque, and it cannot reach into a frame of its own, where the
 * lane runs. */
export class SandboxedPageError extends Error {
  constructor() {
    super('this page is sandboxed without allow-same-origin: it cannot reach into the frame the lane runs in');
    this.name = 'SandboxedPageError';
  }
}

/** A run's realm: the lane's module, loaded with the run's timers as its globals. */
export class SpawnLocalRealm {
  /**
   * @param {HTMLIFrameElement} frame
   * @param {SpawnLocalModule} module
   * @param {LaneTimers} timers
   */
  constructor(frame, module, timers) {
    this.frame = frame;
    this.timers = timers;
    /** @type {SpawnLocalLane} */
    this.lane = new module.SpawnLocalLane();
  }

  /**
   * Starts the scenario (validated by the page) as the lane's one task;
   * resolves when it has finished (never, for lost-wake's). Throws, saying
   * why, for a scenario the lane refuses.
   * @param {import('../types.js').Scenario} scenario
   * @param {string | undefined} preset the example picked, which may be one whose Rust is its own code
   * @returns {Promise<void>}
   */
  start(scenario, preset) {
    const win = /** @type {Window & typeof globalThis} */ (this.frame.contentWindow);
    // The module reads plain objects of its own realm: a copy made there.
    const copy = win.structuredClone(scenario);
    // The interop example's JS Promise: one of the realm's (wasm-bindgen
    // checks that), resolved by a timer on the realm's clock.
    const makePromise = (/** @type {number} */ ms) => new win.Promise((resolve) => win.setTimeout(resolve, ms));
    return this.lane.start(copy, preset, makePromise);
  }

  /** The run's events so far. @returns {import('../types.js').TraceEvent[]} */
  events() {
    return this.lane.events();
  }

  /**
   * Opens a realm whose timers are `timers`.
   * @param {LaneTimers} timers
   * @returns {Promise<SpawnLocalRealm>}
   */
  static async open(timers) {
    // Before downloading anything: the frame would be of another origin.
    if (window.origin === 'null') throw new SandboxedPageError();
    const wasm = await compiledWasm();
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    document.body.append(frame);
    const win = /** @type {Window & typeof globalThis & Record<string, unknown>} */ (frame.contentWindow);
    /** @type {SpawnLocalModule | undefined} */
    let lane;
    const note = () => /** @type {SpawnLocalModule} */ (lane);
    // gloo's sleep sets one browser timer when it is made, and clears it
    // when it is dropped (also after it fired: the lane ignores those).
    // Once the run is cancelled (a newer run, or the realm closed), what is
    // left of it sets nothing and queues nothing.
    win.setTimeout = /** @type {any} */ ((/** @type {() => void} */ callback, /** @type {number} */ ms) => {
      if (timers.cancelled) return 0;
      const delay = timers.delay(ms);
      const due = timers.now() + delay;
      const id = timers.setTimeout(() => {
        note().noteTimerFired(id, Math.max(0, timers.now() - due));
        try {
          callback();
        } finally {
          note().noteCallbackEnd();
        }
      }, ms);
      note().noteTimerSet(id, ms, delay);
      return id;
    });
    win.clearTimeout = /** @type {any} */ ((/** @type {number} */ id) => {
      note().noteTimerCleared(id);
      timers.clearTimeout(id);
    });
    // spawn_local's executor polls its ready tasks in one microtask.
    win.queueMicrotask = (job) => {
      if (timers.cancelled) return;
      note().noteMicrotaskQueued();
      queueMicrotask(() => {
        note().noteMicrotaskStart();
        try {
          job();
        } finally {
          note().noteMicrotaskEnd();
        }
      });
    };
    Object.defineProperty(win.performance, 'now', { value: () => timers.now() });
    // block_ms: the clock's own wait (a Virtual clock only moves when told).
    win.spawnLocalLaneBlock = (/** @type {number} */ ms) => timers.block(ms);
    /** @type {(error: unknown) => void} */
    let fail = () => {};
    const loaded = new Promise((ready, failed) => {
      fail = failed;
      win.spawnLocalRealm = { glue: assetUrl('spawn-local-module'), wasm, ready, failed };
    });
    // Made by the realm's document, so it runs in the realm.
    const doc = /** @type {Document} */ (frame.contentDocument);
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = assetUrl('spawn-local-realm');
    script.onerror = () => fail(new Error('the spawn_local lane did not download'));
    doc.head.append(script);
    try {
      lane = /** @type {SpawnLocalModule} */ (await loaded);
    } catch (error) {
      frame.remove();
      throw error;
    }
    return new SpawnLocalRealm(frame, lane, timers);
  }

  /** Removes the realm, and cancels its timers: nothing of it runs again. */
  close() {
    this.timers.cancel();
    this.frame.remove();
  }
}
