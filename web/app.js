// The page's controller: keeps the current program (its text and scenario),
// options and run, asks the playground to validate and run, and tells each
// view what to show. The Rust panel's text is the program: edits to it, to
// the timings, the Example and the link all go through here.
import { createPlayground, timersOf as delaysOf, MAX_SEED } from './playground.js';
import { buildReplay } from './replay/index.js';
import { lanesOf } from './replay/merge.js';
import { summarize } from './replay/summary.js';
import { inThisRun } from './replay/in-this-run.js';
import { transcript } from './replay/transcript.js';
import { readFragment, writeFragment, atPosition, linkPosition, MAX_LINK_TEXT } from './ui/share.js';
import { linkProgram, renderedText, runOptionsOf, ownText } from './link-program.js';
import { loadText, loadedText, textFailed, textModule } from './text-module.js';
import { formatMs } from './dom.js';
import { CONTENTS } from './tour/contents.js';
import { loadProgress, saveProgress, resetProgress } from './tour/progress.js';
import { Player } from './ui/player.js';
import { stepFrom } from './replay/steps.js';
import { showStep, showStale, bindReplay } from './ui/show-step.js';
import { picturesOf } from './ui/timeline.js';

/** @import { Scenario, Step, RunResult, RunSummary, Wasm, PageOptions, Snapshot, Link, RunOptions, EditorModule, Problem, Described } from './types.js' */
/**
 * The learner's changes to an example, kept while another is shown: the
 * program (its last text that parsed), and a text being fixed, as typed.
 * @typedef {{scenario: Scenario, text: string | undefined, typed: string | undefined}} KeptChanges
 */
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
/** @import { Tour, LoadedTour } from './tour/load.js' */
/** @import { Chapter, Decision } from './tour/chapters.js' */

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
 * @property {Tour} tour its chapters and panel, loaded when first needed
 */

const CUSTOM_EXPLANATION = 'Your own program, not one of the examples: press Run and compare the lanes. '
  + 'Reset brings back the example.';

/** How long typing pauses before the program is read (ms). */
const EDIT_DELAY = 300;

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
    this.options = { clock: 'virtual', promiseStyle: 'then', seed: 0, compare: false };
    // The seed field holds a value the options refused (shown as an error).
    this.badSeed = false;
    /** @type {RunResult | null} */
    this.run = null;
    /** @type {Snapshot[]} the replay model: one snapshot per position */
    this.replay = [];
    this.position = 0;
    this.needsRestart = false;
    // The program: its scenario, its text, and what the wasm says of it
    // (which example it is, its timers, what the controls may do:
    // program/editing.rs). Nothing here decides those.
    /** The example: the program's preset, or the one Reset brings back. */
    this.presetId = this.presets[0].id;
    /** @type {Scenario} */
    this.scenario = wasm.resolveScenario(this.presetId, undefined, undefined);
    /** @type {Described} */
    this.described = wasm.describeProgram(this.scenario, this.presetId);
    /** @type {string | undefined} the last program text that parsed; none
     * where the Rust panel cannot be edited (a preset running an `async fn`
     * of its own: only its timings change) */
    this.text = undefined;
    /** @type {Problem | null} where the Rust panel's text is not accepted */
    this.problem = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} a pending read of the edited text */
    this.editTimer = undefined;
    /** The next change of program gets a history entry of its own (Back
     * returns to the program before it); until then, changes replace it. */
    this.pushNext = false;
    /** The fragment the page last wrote or read: a navigation to it is no news. */
    this.shownHash = '';
    /** @type {{options: string, code: string, sentence: string} | undefined} the shown
     * run's options (do the views still show the program?) and figures */
    this.ran = undefined;
    /** @type {{started: number, expected: number | null} | null} a run in flight (real clock: how far) */
    this.running = null;
    /** @type {Map<string, KeptChanges>} the learner's changes to each
     * example, kept when another was chosen */
    this.kept = new Map();
    /** @type {(KeptChanges & {for: string}) | undefined} what the last Reset discarded, while
     * Undo reset can bring it back: until the program is no longer the one
     * Reset showed (`for`, its `programKey`) */
    this.discarded = undefined;
    /** @type {Map<string, number>} each event's replay position, by `lane:seq` */
    this.positions = new Map();
    /** @type {Chapter | null} the tour's chapter open, if any */
    this.chapter = null;
    /** @type {LoadedTour | undefined} the tour, once loaded (a chapter open means it is) */
    this.tour = undefined;
    /** @type {string | undefined} the chapter a link asked for when the tour could not load */
    this.linkChapterId = undefined;
    /** The open chapter's question waits for its answer (its run is not shown yet). */
    this.predicting = false;
    /** @type {boolean | undefined} Compare with spawn_local as the learner had it, while a chapter turned it on */
    this.compareOutsideTour = undefined;
    /** @type {RunSummary | null} the Summary's figures of the run shown */
    this.figures = null;
    /** @type {Decision | null} the run's verdict on the open chapter's question */
    this.decided = null;
    this.progress = loadProgress();
    this.player = new Player(views.replay, { position: () => this.position, replay: () => this.replay, seek: (p) => this.seek(p) });
  }

  /** Loads the link's scenario (or the default), shows it, and runs it once. */
  async start() {
    const { controls } = this.views;
    // A text of the link's own is read by the text module: only then is it
    // needed before the first run (a failed load is said where the text is).
    if (readFragment(location.hash).rust !== undefined) await loadText().catch(() => {});
    // Read the link before showing anything (showing rewrites it), and after
    // that load (the address may have changed during it).
    const link = readFragment(location.hash);
    controls.showPresets(this.presets);
    const problem = this.applyLink(link);
    controls.bindExample(async (id) => {
      const from = this.presetId;
      this.keepChanges();
      this.selectExample(id);
      // Back to an example changed before: the changes come back (Reset
      // brings the original). The example a Custom program came from is
      // the original: its changes stay kept.
      const kept = id === from ? undefined : this.kept.get(id);
      if (kept) this.restoreKept(kept);
      await this.runNow();
      // A text being fixed, after the run of the last one that parsed.
      if (kept?.typed !== undefined && this.presetId === id) this.showTyped(kept.typed);
    });
    controls.bindTimings((values) => this.editTimings(values));
    controls.bindAddRemove(() => this.changeTimers(1), () => this.changeTimers(-1));
    controls.bindOptions((options) => {
      // A bad seed is said, and the last good one stays (a timing's error
      // is the timings', and stays too).
      const { seed } = options;
      this.badSeed = !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED;
      if (this.badSeed) {
        controls.showError(`Seed: must be a whole number from 0 to ${MAX_SEED}`);
        return;
      }
      controls.showError(null);
      // Changed by hand: the learner's own setting from now on.
      if (options.compare !== this.options.compare) this.compareOutsideTour = undefined;
      this.options = options;
      this.refresh();
    });
    controls.bindRun(() => this.runNow());
    controls.bindReset(() => {
      // Pressed again, it has nothing of its own to discard: the first one's stays undoable.
      const discarded = this.changes() ?? this.discarded;
      this.pushNext = true;
      this.kept.delete(this.presetId);
      this.selectExample(this.presetId);
      this.runNow();
      // One click from losing a program typed by hand: Undo reset brings
      // it back, until the program changes again.
      if (discarded) controls.offerUndoReset(true);
      this.discarded = discarded && { ...discarded, for: this.programKey() };
    });
    controls.bindUndoReset(async () => {
      const { discarded } = this;
      if (!discarded) return;
      this.pushNext = true;
      // From where Reset left it: what came after (a text that does not
      // parse, a bad timing, an edit not yet read) goes, as with Reset.
      this.useExample(this.presetId);
      this.restoreKept(discarded);
      controls.reset.focus();
      const shown = this.shownHash;
      await this.runNow();
      // A text being fixed, after the run of the last one that parsed;
      // unless the learner moved on meanwhile (a Real run takes seconds).
      if (discarded.typed !== undefined && this.shownHash === shown) this.showTyped(discarded.typed);
    });
    // A link pasted into the address bar of this page, Back and Forward.
    window.addEventListener('hashchange', () => this.navigated());
    window.addEventListener('popstate', () => this.navigated());
    bindReplay(this.views, {
      positionOf: (event) => this.positions.get(event),
      position: () => this.position,
      seek: (p) => this.seek(p),
      toggle: () => this.player.toggle(),
      replay: () => this.replay,
    });
    this.views.share.bind({
      link: () => {
        const at = this.replay[this.position];
        return {
          href: location.href, position: this.position, event: this.position + 1, of: this.replay.length,
          title: this.title(), time: at?.entry.time ?? '', lane: at?.entry.lane ?? 'futures', slug: this.custom() ? 'custom' : this.presetId,
          compared: Boolean(this.run?.spawnLocal),
          threeLanes: this.replay.slice(0, this.position).filter((s) => s.entry.lane !== 'spawnLocal').length,
        };
      },
      exportJson: () => this.run,
      exportChrome: () => this.run && this.playground.toChromeTrace(this.run),
      exportMarkdown: () => this.run && transcript(this.replay, {
        title: this.title(),
        link: atPosition(location.href, 0),
      }),
      picture: (lanes) => {
        const at = this.replay[this.position];
        // The moment named under the title (what happened then), as in a GIF's frames.
        return at && this.run ? picturesOf(this.run, lanes, at.entry.event.t)(at.entry, this.momentTitle(at), `${at.entry.laneName}, ${at.told.text}`) : null;
      },
      animation: (lanes) => {
        const shown = this.replay[this.position];
        if (!shown || !this.run) return null;
        const picture = picturesOf(this.run, lanes, shown.entry.event.t);
        // From the first event to the one shown, of the lanes pictured: the
        // writer picks the end as for a picture.
        return this.replay.slice(0, this.position + 1).filter((at) => lanes.includes(at.entry.lane))
          .map((at) => picture(at.entry, this.momentTitle(at), `${at.entry.laneName}, ${at.told.text}`));
      },
    });
    this.views.share.showAvailable(false);
    this.views.tour.button.addEventListener('click', () => this.openTour());
    this.publish();
    // A trap in a timer callback (real clock) surfaces here.
    window.addEventListener('error', (e) => {
      if (e.error instanceof WebAssembly.RuntimeError) this.trapped(e.error);
    });
    const shown = this.shownHash;
    // A chapter with a question opens before its run: the learner predicts first.
    const opened = await this.linkChapter(link);
    // Another link or an edit came while the tour loaded: the program shown
    // is that one, and runs; the chapter does not open over it.
    if (this.shownHash !== shown) {
      await this.runNow();
      return;
    }
    if (opened) {
      this.openChapter(opened);
      return;
    }
    await this.runNow();
    this.afterLinkRun(link, problem, shown);
  }

  /**
   * After the first run of a link's program (not a chapter's): what the
   * link asked for and did not get, said now (a run clears a message about
   * the program shown before it), and its moment; unless another link or an
   * edit came meanwhile, which they are not about.
   * @param {Link} link
   * @param {string | null} problem what `applyLink` refused
   * @param {string} shown the address the link's program was given
   */
  afterLinkRun(link, problem, shown) {
    if (this.shownHash !== shown) return;
    // A chapter that exists opens instead of a run: this one does not.
    const tour = link.tour === undefined ? null
      : this.tourRefused(link.tour) ?? 'Link: it opens a chapter of the tour, but the tour could not be downloaded (are you offline?); '
        + 'the chapter\'s example is shown instead. Press Tour to try again, or reload the page.';
    const problems = [problem, tour, this.applyPosition(link)].filter(Boolean);
    if (problems.length) this.showLinkProblem(problems.join('\n'));
    // A link to a moment, all of it used: its lanes, below the first
    // screen, come up under the bar (a message would be above them);
    // unless the reader scrolled meanwhile (a Real run takes seconds).
    else if ((link.step !== undefined || link.t !== undefined) && window.scrollY === 0) this.bringLanesUp();
  }

  /** Scrolls the lanes up to just under the bar that stays at the top, if
   * they start below the middle of the window. */
  bringLanesUp() {
    const lanes = /** @type {HTMLElement} */ (document.querySelector('.lanes'));
    const bar = /** @type {HTMLElement} */ (document.querySelector('#bar'));
    const top = lanes.getBoundingClientRect().top;
    if (top > window.innerHeight / 2) window.scrollTo({ top: top + window.scrollY - bar.offsetHeight - 8 });
  }

  /**
   * Says what a link asked for and did not get (the page shows what it could
   * open instead, which runs), and points at it from the status line.
   * @param {string} message
   */
  showLinkProblem(message) {
    this.views.controls.showLinkProblem(message);
    this.showStatus();
  }

  /**
   * Opens the replay at the link's moment, if it has one (`step=` or `t=`).
   * Returns a message if it is out of range or not a number; the replay
   * stays at its first event.
   * @param {Link} link
   */
  applyPosition(link) {
    const events = this.replay.map((s) => ({ t: s.entry.event.t, step: s.position + 1 }));
    const at = linkPosition(link, events, this.replay.length);
    if (at && 'position' in at) this.seek(at.position);
    return at && 'problem' in at ? at.problem : null;
  }

  /**
   * The chapter a link opens (its `tour=`), the tour loaded for it; null
   * for a link without one, one that names no chapter, or if the tour
   * could not be loaded (offline, say): the link's program runs instead,
   * and `afterLinkRun` says why.
   * @param {Link} link
   * @returns {Promise<Chapter | null>}
   */
  async linkChapter(link) {
    if (link.tour === undefined || this.tourRefused(link.tour)) return null;
    try {
      return (await this.loadedTour()).chapter(link.tour) ?? null;
    } catch {
      // Tour, pressed once it can load, opens this chapter.
      this.linkChapterId = link.tour;
      return null;
    }
  }

  /**
   * What is wrong with a link's `tour=`, if it names no chapter.
   * @param {string} id
   * @returns {string | null}
   */
  tourRefused(id) {
    return CONTENTS.some((c) => c.id === id) ? null : `Link: tour must be one of ${CONTENTS.map((c) => c.id).join(', ')}`;
  }

  /** The tour, loaded (once) and bound to the page. */
  async loadedTour() {
    const loaded = await this.views.tour.load();
    if (this.tour === undefined) {
      this.tour = loaded;
      this.bindTour(loaded);
    }
    return loaded;
  }

  /** The address changed under the page (not by `writeFragment`): open the
   * link's program and run it, as on load. */
  async navigated() {
    if (location.hash === this.shownHash) return;
    const link = readFragment(location.hash);
    const hash = location.hash;
    if (link.rust !== undefined && !loadedText()) await loadText().catch(() => {});
    const opened = await this.linkChapter(link);
    // Another navigation or an edit came meanwhile: it is the one to show.
    if (location.hash !== hash) return;
    clearTimeout(this.editTimer);
    this.editTimer = undefined;
    // This entry is the link's: showing it may tidy it, not add another.
    this.pushNext = false;
    if (opened) {
      if (opened !== this.chapter) this.openChapter(opened);
      return;
    }
    if (this.chapter) this.closeTour();
    const problem = this.applyLink(link);
    const shown = this.shownHash;
    this.runNow().then(() => this.afterLinkRun(link, problem, shown));
  }

  /**
   * Swaps the plain code panels for editors (web/pkg/editor.js, loaded after
   * the first run); typing in the Rust one edits the program.
   * @param {EditorModule} editor
   */
  useEditor(editor) {
    this.views.lanes.useEditor(editor, {
      edit: () => {
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => this.readText(), EDIT_DELAY);
      },
      blur: () => {
        this.pushNext = true;
        // Pressing Run moved the focus: Run reads the text itself. Read now,
        // between the press and the release, it would change the page above
        // Run (the explanation, the status line) and move Run from under
        // the pointer, and the click would miss it.
        if (this.views.controls.pressingRun) return;
        this.readText();
      },
    });
    this.views.lanes.showRustReadOnly(!this.described.textEditable);
  }

  /** Reads the Rust panel's text, if it was edited since last read: a
   * program that parses becomes the current one (timings, code, link and
   * explanation follow); one that does not is underlined and named in the
   * alert, and the last good program and run stay. */
  readText() {
    if (this.editTimer === undefined) return;
    clearTimeout(this.editTimer);
    this.editTimer = undefined;
    this.readProgram(this.views.lanes.rustText());
  }

  /**
   * A text for the Rust panel, read as an edit is: see `readText`.
   * @param {string} text
   */
  readProgram(text) {
    if (!this.described.textEditable) return;
    /** @type {Scenario} */
    let scenario;
    try {
      scenario = this.playground.parse(text);
    } catch (error) {
      const { line, column, message } = /** @type {Error & {line?: number, column?: number}} */ (error);
      if (line === undefined || column === undefined) throw error;
      this.problem = { line, column, message };
      this.views.lanes.showProblem(this.problem);
      // An edit, if one that does not parse yet: Undo reset would lose it.
      this.forgetDiscarded();
      this.views.controls.showError(`Rust code: ${message}`);
      this.showStatus();
      return;
    }
    this.clearProblem();
    this.text = text;
    this.scenario = scenario;
    this.identify();
    this.views.controls.showError(null);
    this.refresh();
  }

  clearProblem() {
    if (!this.problem) return;
    this.problem = null;
    this.views.lanes.showProblem(null);
  }

  /** Asks the wasm what the program is: which example (the chosen one
   * first; one whose steps, labels and texts are a preset's, whatever its
   * delays, is that preset), or "Custom"; and shows it.
   * @param {1 | -1} [madeFrom] Add timer (1) or Remove timer (-1) made the
   *   program from the current example */
  identify(madeFrom) {
    const from = this.presets.find((p) => p.id === this.presetId);
    this.described = this.wasm.describeProgram(this.scenario, this.presetId);
    const { preset } = this.described;
    if (preset) this.presetId = preset;
    // Add timer or Remove timer made it: the example it came from still
    // tells what to look for, as that example's lesson.
    const custom = madeFrom && from
      ? `Custom program: the example “${from.name}” with ${madeFrom === 1 ? 'one more timer' : 'one timer fewer'}. `
        + `Press Reset to restore the original. That example's lesson: ${this.playground.explain(from.id)}`
      : CUSTOM_EXPLANATION;
    this.views.controls.showExample(preset ?? 'custom', preset ? this.playground.explain(preset) : custom);
  }

  /** The program's name: its example's, or "Custom program". */
  title() {
    return this.custom() ? 'Custom program' : this.presets.find((p) => p.id === this.presetId)?.name ?? 'Custom program';
  }

  /**
   * A picture's title: the program, and the moment it shows.
   * @param {Snapshot} at
   */
  momentTitle(at) {
    // No event number: a picture of fewer lanes would count its events
    // otherwise than the page (and the embed) do. The caption says which.
    return `${this.title()}: the run at ${at.entry.time}`;
  }

  /** The program is none of the examples (the Example control says "Custom"). */
  custom() {
    return !this.described.preset;
  }

  /**
   * The Rust panel of `scenario`, as the page writes it.
   * @param {Scenario} scenario
   */
  rendered(scenario) {
    return renderedText(this.wasm, scenario);
  }

  /**
   * Applies a share link; returns a message if part of it was refused.
   * @param {Link} link
   */
  applyLink(link) {
    const program = linkProgram(this.wasm, this.playground.parse, this.presets, link, this.options);
    this.useExample(program.presetId);
    this.scenario = program.scenario;
    this.text = program.text;
    this.options = program.options;
    this.identify();
    this.refresh();
    return program.problems.join('\n') || null;
  }

  /** What Reset discarded is not one step back any more: Undo reset goes. */
  forgetDiscarded() {
    this.views.controls.offerUndoReset(false);
    this.discarded = undefined;
  }

  /** The program shown, as one string: two are the same program if equal. */
  programKey() {
    return JSON.stringify([this.presetId, this.scenario, this.text]);
  }

  /** Keeps the program, if it is not its example as written (timings,
   * code, timers changed), to come back when that example is chosen again. */
  keepChanges() {
    const changes = this.changes();
    if (changes) this.kept.set(this.presetId, changes);
  }

  /** The learner's changes to the example (timings, code, timers), if the
   * program is not the example as written: what choosing another example
   * keeps and what Reset discards.
   * @returns {KeptChanges | undefined} */
  changes() {
    this.readText();
    const original = this.wasm.resolveScenario(this.presetId, undefined, undefined);
    const changed = this.wasm.encodeFragment(this.scenario) !== this.wasm.encodeFragment(original)
      || ownText(this.wasm, this) !== undefined;
    // A text being fixed is kept as typed, with the last program that ran.
    const typed = this.problem ? this.views.lanes.rustText() : undefined;
    return changed || typed !== undefined ? { scenario: this.scenario, text: this.text, typed } : undefined;
  }

  /**
   * Brings back the program kept for the example just chosen (a text
   * being fixed follows its run: `showTyped`).
   * @param {KeptChanges} kept
   */
  restoreKept({ scenario, text }) {
    // Shown again: kept again only if still changed when left.
    this.kept.delete(this.presetId);
    this.scenario = scenario;
    this.text = text;
    this.identify();
    this.refresh();
  }

  /**
   * A text being fixed, brought back as typed: read as an edit is, so its
   * error is said again.
   * @param {string} typed
   */
  showTyped(typed) {
    this.views.lanes.showRustText(typed);
    this.readProgram(typed);
  }

  /** The example `id`, as written, shown.
   * @param {string} id */
  selectExample(id) {
    this.useExample(id);
    this.refresh();
  }

  /** The example `id`, as written, is the program (`refresh` shows it).
   * @param {string} id */
  useExample(id) {
    this.presetId = id;
    this.scenario = this.wasm.resolveScenario(id, undefined, undefined);
    this.described = this.wasm.describeProgram(this.scenario, id);
    clearTimeout(this.editTimer);
    this.editTimer = undefined;
    this.clearProblem();
    this.text = this.described.textEditable ? this.rendered(this.scenario) : undefined;
    this.views.lanes.showRustReadOnly(!this.described.textEditable);
    this.views.controls.showExample(id, this.playground.explain(id));
    this.views.controls.showError(null);
  }

  /** What `run` and `code` take: the program's text; or, where there is
   * none (a preset running its own async fn), the preset and its timings.
   * @returns {RunOptions}
   */
  runOptions() {
    return runOptionsOf(this.wasm, this, this.options);
  }

  /** Shows the timers, code and link for the current program and options. */
  refresh() {
    const { timers, canAddTimer, canRemoveTimer } = this.described;
    // The examples with changes kept, but the one shown (`identify` may
    // have found the program to be another example's).
    this.views.controls.showKept([...this.kept.keys()].filter((id) => id !== this.presetId));
    this.views.controls.showTimers(timers, { canAdd: canAddTimer, canRemove: canRemoveTimer });
    this.views.controls.showOptions(this.options, drawsAtRandom(this.scenario));
    this.showCode();
    this.views.share.showEmbed();
  }

  showCode() {
    // The program changed (not only a setting): what Reset discarded is not
    // one step back any more.
    if (this.discarded && this.programKey() !== this.discarded.for) this.forgetDiscarded();
    const { code } = this.playground;
    const lanes = code(this.runOptions());
    // A text being fixed stays as typed; the other panels show the last good program.
    if (this.problem) lanes.futures.code = this.views.lanes.rustText();
    this.views.lanes.showCode(lanes);
    this.showStateMachine();
    if (this.ran) this.views.controls.showRun(this.ran.sentence, this.showsCurrent());
    this.views.share.showCurrent(!this.ran || this.showsCurrent());
    // Only the code: another clock or seed leaves the run's lines true.
    showStale(this.views, this.ran !== undefined && this.ran.code !== codeOf(this.runOptions()));
    this.showStatus();
    // The text itself only when it says more than the scenario (comments,
    // layout), and fits in a link: the scenario always goes.
    const own = ownText(this.wasm, this);
    const text = own === undefined ? undefined : encodeURIComponent(own);
    writeFragment({
      tour: this.chapter?.id,
      preset: this.custom() ? undefined : this.presetId,
      fragment: this.wasm.encodeFragment(this.scenario),
      rust: text !== undefined && text.length <= MAX_LINK_TEXT ? text : undefined,
      ...this.options,
    }, this.pushNext);
    this.pushNext = false;
    this.shownHash = location.hash;
    // The question's choices follow the timings, until it is answered.
    if (this.chapter?.question) this.tour?.view.showChoices(this.chapter.question.choices(delaysOf(this.scenario)));
  }

  /** The State machine: the program's, as its code panel is (not the last
   * run's); read by the text module, which arrives just after the first
   * run (main.js shows it again then). */
  showStateMachine() {
    if (this.problem) return;
    const { stateMachine } = this.views;
    if (loadedText()) {
      stateMachine.showMachine(this.playground.stateMachine(this.runOptions()));
      // The enum may come after the replay moved (it arrives just after the
      // first run): its live variant, if the run shown is this program's.
      const at = this.replay[this.position];
      if (at && this.showsCurrent()) stateMachine.showCurrent(at.variant);
    } else if (textFailed()) {
      stateMachine.showNote('Could not load the editor\'s Rust support, which works this enum out from run(). '
        + 'Reload the page to try again.');
    } else {
      stateMachine.showNote('Loading: this enum is worked out from run() by the editor\'s Rust support, which downloads '
        + 'just after the page first runs the program.');
    }
  }

  /** @param {(number | string | null)[]} values */
  editTimings(values) {
    try {
      /** @type {Scenario} */
      const next = this.wasm.resolveScenario(undefined, this.scenario, values);
      const own = ownText(this.wasm, this);
      if (own !== undefined) {
        // The learner's text (from the editor or a link: the text module
        // is loaded): the numbers are rewritten where they are written, and
        // comments stay.
        this.text = textModule().setTimings(own, Uint32Array.from(delaysOf(next)));
      } else if (this.text !== undefined) {
        this.text = this.rendered(next);
      }
      this.scenario = next;
      // The same example with other delays: only the timers changed.
      this.described = this.wasm.describeProgram(next, this.presetId);
      this.clearProblem();
      this.views.controls.showError(null);
      this.showCode();
    } catch (error) {
      // The last good scenario, code and run stay on screen.
      this.views.controls.showError(/** @type {Error} */ (error).message);
      this.showStatus();
    }
  }

  /** The shown run is of the program and options as they are now. */
  showsCurrent() {
    return this.ran?.options === JSON.stringify(this.runOptions());
  }

  /** The line beside Run: whether the views show the program as it is now,
   * and, while a run is in flight, how far it is. */
  showStatus() {
    const { controls } = this.views;
    if (this.running) {
      const { started, expected } = this.running;
      // In tenths of a second: a figure that moves, and does not flicker.
      const elapsed = Math.round((performance.now() - started) / 100) * 100;
      const far = expected === null ? '' : `: ${formatMs(elapsed)} of about ${formatMs(expected)}`;
      controls.showStatus(this.options.clock === 'real'
        ? `Running in real time${far}. Pressing Run again restarts it.`
        : 'Running…', 'running');
      return;
    }
    if (this.predicting && !this.problem && !this.needsRestart && !controls.blocked) {
      // The run shown, if any, is hidden until the answer (a tour link
      // opens the chapter before any run).
      controls.showStatus('The run is hidden until you answer the tour\'s question, in the panel at the bottom: pick an answer, '
        + 'then press “Answer, then run”.', 'stale');
      return;
    }
    if (!this.ran) return;
    if (this.problem) {
      controls.showStatus(`Line ${this.problem.line} of the Rust code has an error (explained under the code). `
        + 'Fix it, then press Run. The last run is still shown.', 'problem');
    } else if (this.needsRestart) {
      controls.showStatus('The wasm module stopped: press Run to restart it. Until then, the views show the run before it stopped.', 'problem');
    } else if (controls.blocked) {
      controls.showStatus('Fix the error above, then press Run. The last run is still shown.', 'problem');
    } else if (!this.showsCurrent()) {
      controls.showStatus('The program or its settings changed since the last run, which is still shown. Press Run (Ctrl+Enter) to run it.', 'stale');
    } else {
      // A link's refused part is said with the controls, out of sight on a
      // phone: this line, in the bar that stays in view, points at it.
      const link = controls.error.hidden ? '' : ' Part of the link was not used: the red message above says why.';
      controls.showStatus(`Up to date: the views show a run of the program as it is now (${this.options.clock} clock).${link}`, 'current');
    }
  }

  /** Add timer and Remove timer: the wasm changes the program (where, and
   * whether it may: program/editing.rs).
   * @param {1 | -1} delta */
  changeTimers(delta) {
    try {
      /** @type {Scenario} */
      const next = this.wasm.changeTimers(this.scenario, delta, this.presetId);
      this.scenario = next;
      this.text = this.rendered(next);
      this.clearProblem();
      this.identify(delta);
      this.views.controls.showError(null);
      this.refresh();
    } catch (error) {
      this.views.controls.showError(/** @type {Error} */ (error).message);
    }
  }

  async runNow() {
    const { controls } = this.views;
    // Run runs what is typed, even within the pause before it is read.
    this.readText();
    // The trap's message, shown, is no reason not to run: Run restarts.
    if (this.needsRestart) this.restartWasm();
    if (this.problem || controls.blocked) return;
    // A link's message (a part refused) was about the program first shown.
    if (!controls.error.hidden) controls.say(null, false);
    this.player.stop();
    controls.run.setAttribute('aria-busy', 'true');
    /** @type {ReturnType<typeof setInterval> | undefined} */
    let progress;
    const running = { started: performance.now(), expected: /** @type {number | null} */ (null) };
    try {
      const options = this.runOptions();
      const asked = JSON.stringify(options);
      this.running = running;
      if (options.clock === 'real') {
        // How long it should take: the same program on the virtual clock
        // (exact, and done in a moment), to show the real one's progress.
        const preview = await this.playground.run({ ...options, clock: 'virtual' });
        const traces = [preview.callbacks, preview.promises, preview.futures, preview.spawnLocal];
        running.expected = traces.reduce((end, trace) => Math.max(end, trace?.events.at(-1)?.t ?? 0), 0);
        running.started = performance.now();
        progress = setInterval(() => this.showStatus(), 100);
      }
      this.showStatus();
      const chapter = this.chapter;
      const run = await this.playground.run(options);
      // A chapter opened meanwhile waits for its answer: this run (of the
      // one before, maybe of the same example) would give it away.
      if (this.predicting && this.chapter !== chapter) return;
      this.show(run, asked);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.trapped(error);
      } else if (!/cancelled by a newer run/.test(/** @type {Error} */ (error).message)) {
        controls.showError(/** @type {Error} */ (error).message);
      }
    } finally {
      clearInterval(progress);
      // A newer run may have started meanwhile: it owns the status.
      if (this.running === running) this.running = null;
      this.showStatus();
      controls.run.removeAttribute('aria-busy');
      // What is edited next is a new program: Back comes back to this one.
      this.pushNext = true;
    }
  }

  /** The module trapped: its memory can no longer be trusted. Say so, and
   * start a fresh instance on the next Run. The last run stays on screen.
   * @param {WebAssembly.RuntimeError} error
   */
  trapped(error) {
    this.needsRestart = true;
    // Not blocking: Run is what restarts it.
    this.views.controls.say(`The wasm module stopped (${error.message}). Press Run to restart it.`, false);
    this.showStatus();
  }

  restartWasm() {
    this.wasm.__wbg_reset_state();
    loadedText()?.__wbg_reset_state();
    this.playground = createPlayground(this.wasm);
    this.publish();
    this.needsRestart = false;
    this.views.controls.showError(null);
  }

  /**
   * The Tour button: the chapter a link asked for while the tour could not
   * load, else the one open last, else the first with a question not yet
   * answered (the tour loads the first time).
   */
  async openTour() {
    /** @type {LoadedTour} */
    let tour;
    // Said beside the button: the controls' message may be a timing's error, which stays.
    const said = this.views.tour.said;
    if (!this.tour) said.textContent = 'Loading the tour…';
    try {
      tour = await this.loadedTour();
    } catch {
      said.textContent = 'The tour could not be downloaded (are you offline?): press Tour to try again, or reload the page.';
      return;
    }
    said.textContent = '';
    // The learner's changes are kept, as when another example is
    // chosen (a chapter opens its own example as written).
    this.keepChanges();
    const asked = this.linkChapterId;
    this.linkChapterId = undefined;
    this.openChapter(this.chapter ?? tour.chapter(asked ?? '') ?? tour.chapter(this.progress.last ?? '')
      ?? tour.chapters.find((c) => !this.progress.answered.includes(c.id)) ?? tour.chapters[0]);
  }

  /** @param {LoadedTour} tour */
  bindTour({ view, chapter }) {
    view.bind({
      close: () => this.closeTour(),
      go: (id) => {
        const next = chapter(id);
        if (!next) return;
        this.keepChanges();
        this.openChapter(next);
      },
      answer: (choice) => this.answer(choice),
      check: () => this.checkTask(),
      showStep: () => {
        if (this.decided?.position === null || this.decided?.position === undefined) return;
        this.seek(this.decided.position);
        const { lane } = this.replay[this.position].entry;
        view.showStepRow(lane, this.chapter?.question?.shows, () => this.views.lanes.centreRows([lane], 5));
      },
      reset: () => {
        resetProgress();
        this.progress = loadProgress();
        this.showProgress();
      },
    });
  }

  /** The tour's progress, in its panel. */
  showProgress() {
    this.tour?.view.showProgress(this.progress, this.tour.chapters);
  }

  /**
   * Opens a chapter of the tour: its example, its part of the page, its
   * question (answered before its run is shown: the run comes with the
   * answer) or, without one, its run.
   * @param {Chapter} opened
   */
  openChapter(opened) {
    this.player.stop();
    this.chapter = opened;
    this.progress.last = opened.id;
    saveProgress(this.progress);
    this.decided = null;
    this.pushNext = true;
    this.options.promiseStyle = opened.style;
    // A chapter about the comparison turns it on for as long as the tour
    // shows such chapters; the learner's own setting comes back after.
    if (opened.compare) {
      this.compareOutsideTour ??= this.options.compare;
      this.options.compare = true;
    } else {
      this.restoreCompare();
    }
    // Before the example is shown: the status line asks for the answer.
    this.predict(Boolean(opened.question));
    this.selectExample(opened.preset);
    this.tour?.view.show(opened, this.tour.chapters, this.progress, opened.question?.choices(delaysOf(this.scenario)) ?? []);
    if (!opened.question) this.runNow();
  }

  /**
   * Whether the open chapter's question waits for its answer: until then
   * the last run's views are hidden (they would give it away), and the
   * status line asks for the answer.
   * @param {boolean} waiting
   */
  predict(waiting) {
    this.predicting = waiting;
    this.tour?.view.predicting(waiting);
  }

  closeTour() {
    this.chapter = null;
    this.decided = null;
    this.predict(false);
    this.tour?.view.hide();
    this.restoreCompare();
    this.showCode();
  }

  /** Gives the comparison back the setting it had before a chapter turned
   * it on (if one did, and the learner did not change it since). */
  restoreCompare() {
    if (this.compareOutsideTour === undefined) return;
    this.options.compare = this.compareOutsideTour;
    this.compareOutsideTour = undefined;
    this.views.controls.showOptions(this.options, drawsAtRandom(this.scenario));
  }

  /** What the tour's questions and tasks read of the run shown: its
   * figures, as the Summary shows them, and the replay model. */
  facts() {
    return { run: /** @type {RunResult} */ (this.run), summary: /** @type {RunSummary} */ (this.figures), replay: this.replay };
  }

  /**
   * Runs the program as it is now, then says whether `choice` was the
   * run's answer, and why.
   * @param {string} choice
   */
  async answer(choice) {
    const open = this.chapter;
    if (!open?.question) return;
    await this.runNow();
    if (this.problem) {
      this.tour?.view.showVerdict(`The Rust code has an error (${this.problem.message}). Fix it, then answer again.`, false);
      return;
    }
    if (this.chapter !== open || !this.run || !this.showsCurrent()) return;
    const decided = open.question.decide(this.facts());
    this.decided = decided;
    const choices = open.question.choices(delaysOf(this.scenario));
    const right = choices.find((c) => c.id === decided.answer);
    const verdict = choice === decided.answer
      ? `Right. ${decided.why}`
      : right ? `Not quite: the answer is “${right.text}”. ${decided.why}` : `The run matches none of the choices. ${decided.why}`;
    this.tour?.view.showVerdict(verdict, decided.position !== null);
    if (!this.progress.answered.includes(open.id)) this.progress.answered.push(open.id);
    saveProgress(this.progress);
    this.showProgress();
  }

  /** Runs the program as it is now (if the run shown is older), then checks the chapter's task on it. */
  async checkTask() {
    const open = this.chapter;
    if (!open?.task) return;
    // A text that does not parse is not the program: say so, never judge the last good one.
    this.readText();
    if (this.problem || this.views.controls.blocked) {
      // The error itself, here: its own place may be out of sight, under the tour's panel.
      const error = this.problem ? this.problem.message : this.views.controls.error.textContent;
      this.tour?.view.showTaskSaid(`The program has an error (${error}). Fix it, then check again.`);
      return;
    }
    if (!this.showsCurrent()) await this.runNow();
    if (this.chapter !== open || !this.run || !this.showsCurrent()) return;
    const { done, said } = open.task.check(this.facts());
    this.tour?.view.showTaskSaid(done ? `Well done! ${said}` : said);
    if (done && !this.progress.solved.includes(open.id)) this.progress.solved.push(open.id);
    saveProgress(this.progress);
    this.showProgress();
  }

  /** `window.playground`, plus `debugTrap()` to see the recovery work. */
  publish() {
    window.playground = {
      ...this.playground,
      tour: () => CONTENTS.map(({ id, title }) => ({ id, title })),
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

  /**
   * @param {RunResult} run
   * @param {string} options the run's options, as JSON
   */
  show(run, options) {
    this.run = run;
    const start = performance.now();
    this.replay = buildReplay(run);
    this.positions = new Map(this.replay.map((at) => [`${at.entry.lane}:${at.entry.event.seq}`, at.position]));
    // `just bench` reads it (tools/bench-replay.mjs).
    performance.measure('replay model', { start });
    const { lanes, timeline, summary, replay, share } = this.views;
    lanes.showTraces(run);
    timeline.show(run, lanesOf(run));
    const figures = summarize(run);
    this.figures = figures;
    summary.show(figures);
    this.ran = { options, code: codeOf(JSON.parse(options)), sentence: inThisRun(run, figures.lanes) };
    this.views.controls.showRun(this.ran.sentence, true);
    showStale(this.views, false);
    this.predict(false);
    replay.showRange(this.replay.length);
    replay.showLanes(lanesOf(run));
    share.showRun();
    // At the start (of the lane the learner follows, if one: Step through):
    // Step forward and Play are what to do next.
    this.seek(stepFrom(this.replay, -1, 1, replay.lane()) ?? 0);
  }

  /** Shows the replay's snapshot at `position` (clamped) in every view.
   * @param {number} position */
  seek(position) {
    const count = this.replay.length;
    if (count === 0) return;
    this.position = Math.max(0, Math.min(count - 1, position));
    const at = this.replay[this.position];
    showStep(this.views, this.replay, this.position);
    this.views.inspector.show(at.rust);
    this.views.share.showEmbed();
  }
}

/**
 * Whether the program draws at random: a `select!` without `biased;` (a
 * race with `random`), which the seed decides.
 * @param {Step} step
 * @returns {boolean}
 */
function drawsAtRandom(step) {
  if (step.type === 'race' && step.random) return true;
  return 'steps' in step && step.steps.some(drawsAtRandom);
}

/**
 * What the code panels show of a run's options: the program and the
 * promise style (the clock, the seed and the comparison change no line).
 * @param {RunOptions} options
 */
function codeOf(options) {
  return JSON.stringify({ ...options, clock: undefined, seed: undefined, compare: undefined });
}
