// The embed (embed.html): one run of a linked program, for an <iframe> in a
// blog post or a course page. It reads the same link as the page (plus
// `lanes=` and `edit=1`), runs the program once, and shows the lanes chosen,
// the replay and the timeline, at the link's moment. It keeps nothing
// (no storage, no history), so a sandbox of `allow-scripts` alone shows the
// run (all but the spawn_local lane, whose hidden frame needs
// `allow-same-origin`); it tells the page around it its height.
// docs/embed.md says how to embed it.
import * as wasm from './pkg/playground.js';
import { createPlayground } from './playground.js';
import { linkProgram, ownText, runOptionsOf } from './link-program.js';
import { loadText } from './text-module.js';
import { buildReplay } from './replay/index.js';
import { merge, LANES } from './replay/merge.js';
import { buildParts } from './ui/page-parts.js';
import { Lanes } from './ui/lanes.js';
import { Machinery } from './ui/machinery.js';
import { Timeline } from './ui/timeline.js';
import { ReplayControls } from './ui/replay-controls.js';
import { WhatHappened } from './ui/what-happened.js';
import { Player } from './ui/player.js';
import { showStep, showStale, bindReplay } from './ui/show-step.js';
import { readFragment, fragmentOf, atPosition, linkPosition } from './ui/share.js';
import { HEIGHT_MESSAGE, linkLanes } from './ui/embed-snippet.js';
import { qs, assetUrl } from './dom.js';
import { stepFrom } from './replay/steps.js';

/** @import { ShownLane, Link, RunResult, Snapshot, EditorModule } from './types.js' */
/** @import { LinkProgram } from './link-program.js' */
/** @import { Playground } from './playground.js' */

/**
 * `run` with only `lanes`' events (the others' traces emptied; the
 * spawn_local lane's, or why it could not run, left out): the replay and the
 * timeline of the lanes shown.
 * @param {RunResult} run
 * @param {ShownLane[]} lanes
 * @returns {RunResult}
 */
function onlyLanes(run, lanes) {
  const shown = { ...run };
  for (const lane of LANES) if (!lanes.includes(lane)) shown[lane] = { ...run[lane], events: [] };
  if (!lanes.includes('spawnLocal')) {
    delete shown.spawnLocal;
    delete shown.spawnLocalRefused;
  }
  return shown;
}

class Embed {
  /**
   * @param {Link} link
   * @param {Playground} playground its text module loaded if the link has a text
   */
  constructor(link, playground) {
    /** @type {Link} the position (`step=`, `t=`) is the first run's only */
    this.link = link;
    this.playground = playground;
    /** @type {LinkProgram} */
    this.program = linkProgram(wasm, playground.parse, playground.presets(), link, { clock: 'virtual', promiseStyle: 'then', seed: 0, compare: false });
    const { lanes, problem } = linkLanes(link, this.program.options.compare);
    /** @type {ShownLane[]} the lanes the link chose */
    this.lanes = lanes;
    /** @type {string[]} what the link or the run was refused, said above the lanes */
    this.problems = problem ? [...this.program.problems, problem] : [...this.program.problems];
    this.error = /** @type {HTMLElement} */ (qs('#error'));
    this.open = /** @type {HTMLAnchorElement} */ (qs('#open-playground'));
    this.views = {
      lanes: new Lanes(document),
      machinery: new Machinery(document),
      timeline: new Timeline(qs('#timeline-section')),
      replay: new ReplayControls(qs('#replay')),
      whatHappened: new WhatHappened(qs('#replay')),
    };
    /** @type {Snapshot[]} */
    this.replay = [];
    this.position = 0;
    /** @type {Map<string, number>} each event's position in the embed's replay, by `lane:seq` */
    this.positions = new Map();
    /** @type {Map<string, number>} each event's number as the page counts them (all lanes, from 1) */
    this.steps = new Map();
    /** The Rust panel's text when the run shown was made (`show`). */
    this.ranText = '';
    this.player = new Player(this.views.replay, { position: () => this.position, replay: () => this.replay, seek: (p) => this.seek(p) });
    /** The page's link to the program run (`playgroundHref`), without a position. */
    this.href = 'index.html';
    this.views.lanes.showLanes(lanes);
    const name = this.playground.presets().find((p) => p.id === this.program.presetId)?.name;
    const title = this.program.described.preset && name ? name : 'A program of your own';
    qs('#embed-title').textContent = title;
    document.title = `Futures playground: ${title}`;
  }

  start() {
    bindReplay(this.views, {
      positionOf: (event) => this.positions.get(event),
      position: () => this.position,
      seek: (p) => this.seek(p),
      toggle: () => this.player.toggle(),
      replay: () => this.replay,
    });
    return this.runNow();
  }

  /** @param {string[]} problems */
  say(problems) {
    this.error.textContent = problems.join('\n');
    this.error.hidden = problems.length === 0;
  }

  async runNow() {
    this.player.stop();
    const options = runOptionsOf(wasm, this.program, this.program.options);
    this.views.lanes.showCode(this.playground.code(options));
    // The Rust code this run is of (a Real run takes time: an edit meanwhile is after it).
    const ranText = this.views.lanes.rustText();
    try {
      const run = await this.playground.run(options);
      this.show(run, ranText);
    } catch (error) {
      this.problems.push(/** @type {Error} */ (error).message);
    }
    this.say(this.problems);
  }

  /**
   * @param {RunResult} run
   * @param {string} ranText the Rust panel's text when the run began
   */
  show(run, ranText) {
    // The spawn_local lane could not run here (a sandbox, a download): the
    // others chosen, or, if it was the only one, the three with its reason.
    // Its section says why; the replay and the timeline are the others'.
    const ran = run.spawnLocal ? this.lanes : this.lanes.filter((l) => l !== 'spawnLocal');
    const lanes = ran.length ? ran : LANES;
    if (!ran.length) {
      this.views.lanes.showLanes(lanes);
      this.problems.push(run.spawnLocalRefused ?? 'Rust on spawn_local did not run; the three lanes are shown.');
    }
    const shown = onlyLanes(run, ran.length ? this.lanes : lanes);
    this.replay = buildReplay(shown);
    this.positions = new Map(this.replay.map((at) => [`${at.entry.lane}:${at.entry.event.seq}`, at.position]));
    const all = merge(run);
    this.steps = new Map(all.map(({ lane, event }, i) => [`${lane}:${event.seq}`, i + 1]));
    this.views.lanes.showTraces(shown);
    this.views.timeline.show(shown, lanes);
    this.views.replay.showRange(this.replay.length);
    this.views.replay.showLanes(lanes);
    this.href = this.playgroundHref;
    // At the start of the lane followed, if one (Step through), as the page.
    this.seek(stepFrom(this.replay, -1, 1, this.views.replay.lane()) ?? 0);
    const events = this.replay.map((s) => ({ t: s.entry.event.t, step: this.stepOf(s) }));
    // The link's step counts the spawn_local lane's events too: not here.
    const uncounted = this.program.options.compare && !run.spawnLocal && this.link.step !== undefined;
    if (uncounted) this.problems.push('Link: step counts the events of Rust on spawn_local, which did not run here; the replay opens at event 1');
    const at = linkPosition(uncounted ? {} : this.link, events, all.length, `the run's events in ${run.spawnLocal ? 'all four lanes' : 'all three lanes'}`);
    if (at && 'position' in at) this.seek(at.position);
    if (at && 'problem' in at) this.problems.push(at.problem);
    // A Run after an edit starts at the start.
    this.link = {};
    // An edit away from the run's code unmarks the lines (edit=1).
    this.ranText = ranText;
    showStale(this.views, this.views.lanes.rustText() !== ranText);
  }

  /** @param {Snapshot} at @returns {number} its event's number in the page */
  stepOf(at) {
    return this.steps.get(`${at.entry.lane}:${at.entry.event.seq}`) ?? 1;
  }

  /** @param {number} position */
  seek(position) {
    const count = this.replay.length;
    if (count === 0) return;
    this.position = Math.max(0, Math.min(count - 1, position));
    const at = this.replay[this.position];
    showStep(this.views, this.replay, this.position);
    this.open.href = atPosition(this.href, this.stepOf(at) - 1);
  }

  /** The page, with this program (its text only where it says more than
   * the scenario, as the page writes its links). */
  get playgroundHref() {
    const { presetId, scenario, described, options } = this.program;
    const own = ownText(wasm, this.program);
    const hash = fragmentOf({
      preset: described.preset ? presetId : undefined,
      fragment: wasm.encodeFragment(scenario),
      rust: own === undefined ? undefined : encodeURIComponent(own),
      ...options,
    });
    return new URL(`index.html${hash}`, location.href).href;
  }

  /**
   * `edit=1`: the Rust panel becomes an editor (where the example's code
   * can be edited), and Run runs what it holds.
   * @param {EditorModule} editor
   */
  useEditor(editor) {
    const { lanes } = this.views;
    lanes.showRustReadOnly(!this.program.described.textEditable);
    lanes.useEditor(editor, { edit: () => showStale(this.views, lanes.rustText() !== this.ranText), blur: () => {} });
    /** @type {HTMLElement} */ (qs('#rust-read-only')).hidden = true;
    const run = /** @type {HTMLButtonElement} */ (qs('#run'));
    run.hidden = !this.program.described.textEditable;
    run.addEventListener('click', () => this.runEdited());
  }

  runEdited() {
    const text = this.views.lanes.rustText();
    try {
      this.program = { ...this.program, scenario: this.playground.parse(text), text };
    } catch (error) {
      const { line, column, message } = /** @type {Error & {line?: number, column?: number}} */ (error);
      if (line !== undefined && column !== undefined) this.views.lanes.showProblem({ line, column, message });
      this.say([`Rust code: ${message}`]);
      return;
    }
    this.views.lanes.showProblem(null);
    this.program.described = wasm.describeProgram(this.program.scenario, this.program.presetId);
    this.problems = [];
    this.runNow();
  }
}

/**
 * Tells the page around the embed its height (CSS px) whenever it changes:
 * `{type: HEIGHT_MESSAGE, height, ready}`, `ready` once the run is shown.
 * @returns {() => void} posts the height now
 */
function postHeight() {
  const post = () => {
    if (window.parent === window) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height, ready: document.body.dataset.ready === 'true' }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  return post;
}

buildParts(document, { stateMachine: false });
const postNow = postHeight();
const wasmUrl = /** @type {HTMLLinkElement} */ (qs('#wasm')).href;
await wasm.default({ module_or_path: wasmUrl });
const link = readFragment(location.hash);
const playground = createPlayground(wasm);
// The parser (the text module) only for a link with a text of its own, or
// with the editor; a failed load is said where the link's text is read.
if (link.rust !== undefined) await loadText().catch(() => {});
const embed = new Embed(link, playground);
// Another link in the same frame (a host page that changes the iframe's
// fragment, or a reader who edits it): the embed opens it as it opened the
// first, from the start.
window.addEventListener('hashchange', () => location.reload());
await embed.start();
document.body.dataset.ready = 'true';
postNow();
if (link.edit === '1') {
  const editorUrl = assetUrl('editor-module');
  try {
    const [editor] = await Promise.all([/** @type {Promise<EditorModule>} */ (import(editorUrl)), loadText()]);
    embed.useEditor(editor);
    document.body.dataset.editor = 'ready';
  } catch (error) {
    embed.views.lanes.showEditorFailed(/** @type {Error} */ (error).message);
  }
} else if (link.edit !== undefined) {
  embed.say([...embed.problems, 'Link: edit must be 1 (an editable Rust panel) or left out']);
}
