// The page's controller: keeps the current scenario, options and run, asks
// the playground to validate and run, and tells each view what to show.
import { createPlayground } from './playground.js';
import { merge, currentByLane, currentLine, rustState, summarize, LANES, LANE_NAMES } from './replay.js';
import { jsPlaces, rustPlaces } from './event-loop.js';
import { whatHappened } from './what-happened.js';
import { currentVariant } from './state-machine.js';
import { formatMs } from './dom.js';
import { readFragment, writeFragment } from './ui/share.js';

/** @import { Scenario, Step, RunResult, Wasm, PageOptions, ReplayEntry, Link, RunOptions, CompositeStep } from './types.js' */
/** @import { Controls } from './ui/controls.js' */
/** @import { Inspector } from './ui/inspector.js' */
/** @import { Lanes } from './ui/lanes.js' */
/** @import { Machinery } from './ui/machinery.js' */
/** @import { StateMachineView } from './ui/state-machine.js' */
/** @import { ReplayControls } from './ui/replay-controls.js' */
/** @import { Share } from './ui/share.js' */
/** @import { Summary } from './ui/summary.js' */
/** @import { Timeline } from './ui/timeline.js' */
/** @import { WhatHappened } from './ui/what-happened.js' */

/**
 * The views, one per part of the page (ui/).
 * @typedef {object} Views
 * @property {Controls} controls
 * @property {Lanes} lanes
 * @property {Machinery} machinery
 * @property {StateMachineView} stateMachine
 * @property {Timeline} timeline
 * @property {ReplayControls} replay
 * @property {WhatHappened} whatHappened
 * @property {Inspector} inspector
 * @property {Summary} summary
 * @property {Share} share
 */

export class App {
  /**
   * @param {Wasm} wasm
   * @param {Views} views
   */
  constructor(wasm, views) {
    this.wasm = wasm;
    this.views = views;
    this.playground = createPlayground(wasm);
    this.presets = this.playground.presets();
    /** @type {PageOptions} */
    this.options = { clock: 'virtual', promiseStyle: 'then' };
    /** @type {RunResult | null} */
    this.run = null;
    /** @type {ReplayEntry[]} */
    this.merged = [];
    this.position = 0;
    this.needsRestart = false;
  }

  /** Loads the link's scenario (or the default), shows it, and runs it once. */
  start() {
    const { controls } = this.views;
    // Read the link before showing anything: showing rewrites it.
    const link = readFragment(location.hash);
    controls.showPresets(this.presets);
    this.selectExample(this.presets[0].id);
    const problem = this.applyLink(link);
    controls.bindExample((id) => {
      this.selectExample(id);
      this.runNow();
    });
    controls.bindTimings((values) => this.editTimings(values));
    controls.bindAddRemove(() => this.changeTimers(+1), () => this.changeTimers(-1));
    controls.bindOptions((options) => {
      this.options = options;
      this.refresh();
    });
    controls.bindRun(() => this.runNow());
    this.views.replay.bind({
      back: () => this.seek(this.position - 1),
      forward: () => this.seek(this.position + 1),
      toggle: () => this.togglePlay(),
      seek: (p) => this.seek(p),
    });
    this.views.share.bind({
      exportJson: () => this.run,
      exportChrome: () => this.run && this.playground.toChromeTrace(this.run),
    });
    this.views.share.showAvailable(false);
    this.publish();
    // A trap in a timer callback (real clock) surfaces here.
    window.addEventListener('error', (e) => {
      if (e.error instanceof WebAssembly.RuntimeError) this.trapped(e.error);
    });
    return this.runNow().then(() => {
      if (problem) controls.showError(problem);
    });
  }

  /**
   * Applies a share link; returns a message if part of it was refused.
   * @param {Link} link
   */
  applyLink(link) {
    /** @type {string[]} */
    const problems = [];
    if (link.preset !== undefined) {
      if (this.presets.some((p) => p.id === link.preset)) this.selectExample(link.preset);
      else problems.push(`Link: preset must be one of ${this.presets.map((p) => p.id).join(', ')}`);
    }
    if (link.s !== undefined) {
      try {
        /** @type {Scenario} */
        const scenario = this.wasm.decodeFragment(link.s);
        if (this.special()) {
          const timings = timersOf(scenario).map((t) => t.ms);
          // The special presets keep their own shape: only their timings.
          this.wasm.resolveScenario(this.presetId, undefined, timings);
          this.timings = timings;
        } else {
          this.scenario = scenario;
        }
      } catch (error) {
        problems.push(`Link: ${/** @type {Error} */ (error).message}`);
      }
    }
    if (link.clock === 'real' || link.clock === 'virtual') this.options.clock = link.clock;
    else if (link.clock !== undefined) problems.push('Link: clock must be "real" or "virtual"');
    if (link.style === 'then' || link.style === 'await') this.options.promiseStyle = link.style;
    else if (link.style !== undefined) problems.push('Link: style must be "then" or "await"');
    this.refresh();
    return problems.join('\n') || null;
  }

  special() {
    return this.presets.some((p) => p.id === this.presetId && p.special);
  }

  /** @param {string} id */
  selectExample(id) {
    // `start` calls this first: `presetId` and `scenario` are set from then on.
    /** @type {string} */
    this.presetId = id;
    /** @type {Scenario} */
    this.scenario = this.wasm.resolveScenario(id, undefined, undefined);
    /** @type {(number | null)[] | undefined} the special presets' edited timings */
    this.timings = undefined;
    this.views.controls.showExample(id, this.playground.explain(id));
    this.views.controls.showError(null);
    this.refresh();
  }

  /** What `run` and `code` take: specials by preset (their Rust program is
   * their own), the rest by scenario (timers may have been added).
   * @returns {RunOptions}
   */
  runOptions() {
    const base = this.special()
      ? { preset: this.presetId, timings: this.timings }
      : { scenario: this.scenario };
    return { ...base, ...this.options };
  }

  /** @returns {Scenario} */
  current() {
    return this.special()
      ? this.wasm.resolveScenario(this.presetId, undefined, this.timings)
      : /** @type {Scenario} */ (this.scenario);
  }

  /** Shows the timers, code and link for the current scenario and options. */
  refresh() {
    const scenario = this.current();
    const timers = timersOf(scenario);
    this.views.controls.showTimers(timers, {
      canAdd: !this.special() && containerOf(scenario) !== null && timers.length < 32,
      canRemove: !this.special() && timers.length > 1,
    });
    this.views.controls.showOptions(this.options);
    this.showCode();
  }

  showCode() {
    const { code } = this.playground;
    this.views.lanes.showCode(code(this.runOptions()));
    writeFragment({
      preset: /** @type {string} */ (this.presetId),
      fragment: this.wasm.encodeFragment(this.current()),
      ...this.options,
    });
  }

  /** @param {(number | null)[]} values */
  editTimings(values) {
    try {
      const next = this.wasm.resolveScenario(
        this.special() ? this.presetId : undefined,
        this.special() ? undefined : this.scenario,
        values,
      );
      if (this.special()) this.timings = values;
      else this.scenario = next;
      this.views.controls.showError(null);
      this.showCode();
    } catch (error) {
      // The last good scenario, code and run stay on screen.
      this.views.controls.showError(/** @type {Error} */ (error).message);
    }
  }

  /** @param {number} delta +1 adds a timer, -1 removes one */
  changeTimers(delta) {
    const scenario = structuredClone(/** @type {Scenario} */ (this.scenario));
    const container = containerOf(scenario);
    if (!container) return;
    if (delta > 0) {
      const taken = new Set(timersOf(scenario).map((t) => t.label));
      let n = timersOf(scenario).length + 1;
      while (taken.has(`Timer ${n}`)) n += 1;
      const at = container.steps.findLastIndex((s) => s.type === 'sleep') + 1;
      container.steps.splice(at, 0, { type: 'sleep', label: `Timer ${n}`, ms: 100 });
    } else {
      const at = container.steps.findLastIndex((s) => s.type === 'sleep');
      if (at >= 0 && timersOf(scenario).length > 1) container.steps.splice(at, 1);
    }
    try {
      this.scenario = this.wasm.resolveScenario(undefined, scenario, undefined);
      this.views.controls.showError(null);
      this.refresh();
    } catch (error) {
      this.views.controls.showError(/** @type {Error} */ (error).message);
    }
  }

  async runNow() {
    const { controls } = this.views;
    if (this.needsRestart) this.restartWasm();
    this.stopPlay();
    controls.run.setAttribute('aria-busy', 'true');
    try {
      const options = this.runOptions();
      const run = await this.playground.run(options);
      this.views.stateMachine.showMachine(this.playground.stateMachine(options));
      this.show(run);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.trapped(error);
      } else if (!/cancelled by a newer run/.test(/** @type {Error} */ (error).message)) {
        controls.showError(/** @type {Error} */ (error).message);
      }
    } finally {
      controls.run.removeAttribute('aria-busy');
    }
  }

  /** The module trapped: its memory can no longer be trusted. Say so, and
   * start a fresh instance on the next Run. The last run stays on screen.
   * @param {WebAssembly.RuntimeError} error
   */
  trapped(error) {
    this.needsRestart = true;
    this.views.controls.showError(`The wasm module stopped (${error.message}). Press Run to restart it.`);
    this.views.controls.run.disabled = false;
  }

  restartWasm() {
    this.wasm.__wbg_reset_state();
    this.playground = createPlayground(this.wasm);
    this.publish();
    this.needsRestart = false;
    this.views.controls.showError(null);
  }

  /** `window.playground`, plus `debugTrap()` to see the recovery work. */
  publish() {
    window.playground = {
      ...this.playground,
      debugTrap: () => {
        try {
          this.wasm.debugTrap();
        } catch (error) {
          if (error instanceof WebAssembly.RuntimeError) this.trapped(error);
          throw error;
        }
      },
    };
  }

  /** @param {RunResult} run */
  show(run) {
    this.run = run;
    this.merged = merge(run).map((entry) => ({
      ...entry,
      laneName: LANE_NAMES[entry.lane],
      time: formatMs(entry.event.t),
    }));
    const { lanes, timeline, summary, replay, share } = this.views;
    lanes.showTraces(run);
    timeline.show(run);
    summary.show(summarize(run));
    replay.showRange(this.merged.length);
    share.showAvailable(true);
    this.seek(this.merged.length - 1);
  }

  /** @param {number} position */
  seek(position) {
    const count = this.merged.length;
    if (count === 0) return;
    this.position = Math.max(0, Math.min(count - 1, position));
    const p = this.position;
    const lines = Object.fromEntries(LANES.map((lane) => [lane, currentLine(this.merged, p, lane)]));
    this.views.lanes.showPosition(currentByLane(this.merged, p), lines);
    this.views.timeline.showCursor(this.merged[p].event.t);
    this.views.inspector.show(rustState(this.merged, p));
    this.views.stateMachine.showCurrent(currentVariant(this.merged, p));
    this.views.machinery.show({
      callbacks: jsPlaces(this.merged, p, 'callbacks'),
      promises: jsPlaces(this.merged, p, 'promises'),
      futures: rustPlaces(this.merged, p),
    });
    this.views.replay.showPosition(p, count, this.merged[p]);
    this.views.whatHappened.show(whatHappened(this.merged, p, { clock: this.run?.futures.clock }).text, this.merged[p].lane);
  }

  togglePlay() {
    if (this.playing) {
      this.stopPlay();
      return;
    }
    if (this.position >= this.merged.length - 1) this.seek(0);
    /** @type {number | null} */
    this.playing = setInterval(() => {
      if (this.position >= this.merged.length - 1) this.stopPlay();
      else this.seek(this.position + 1);
    }, 500 / this.views.replay.speedFactor());
    this.views.replay.showPlaying(true);
  }

  stopPlay() {
    clearInterval(/** @type {number | undefined} */ (this.playing));
    this.playing = null;
    this.views.replay.showPlaying(false);
  }
}

/**
 * `[{label, ms}]` in reading order.
 * @param {Step} step
 * @param {{label: string, ms: number}[]} [out]
 */
function timersOf(step, out = []) {
  if (step.type === 'sleep') out.push({ label: step.label, ms: step.ms });
  for (const child of step.steps ?? []) timersOf(child, out);
  return out;
}

/**
 * The first composite step holding sleeps directly: where timers are added.
 * @param {Step} step
 * @returns {CompositeStep | null}
 */
function containerOf(step) {
  if (step.steps?.some((s) => s.type === 'sleep')) return step;
  for (const child of step.steps ?? []) {
    const found = containerOf(child);
    if (found) return found;
  }
  return null;
}
