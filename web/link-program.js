// A share link's program: which example, its scenario, its text and the
// options, as the page and the embed both open it. Every field is checked;
// a refused one is said (naming the field) and left at its default.
import { timersOf as delaysOf, MAX_SEED } from './playground.js';
import { MAX_LINK_TEXT } from './ui/share.js';

/** @import { Link, PageOptions, Scenario, Described, Wasm, RunOptions } from './types.js' */

/**
 * @typedef {object} LinkProgram
 * @property {string} presetId the example (the link's, or the first), or
 *   the one the program came from when it is a custom one
 * @property {Scenario} scenario
 * @property {Described} described what the wasm says of it
 * @property {string | undefined} text the Rust panel's text; none where the
 *   example's Rust code cannot be edited (its own async fn: only timings change)
 * @property {PageOptions} options
 * @property {string[]} problems one message per refused field
 */

/** The last few programs' Rust panels, by their scenario's JSON. */
const texts = new Map();
/** Enough for the programs a page compares in one change (the one shown,
 * the one read, the example's own). */
const TEXTS_KEPT = 8;

/**
 * The Rust panel of `scenario`, as the page writes it. Asked for again and
 * again of the same program (is the text the learner's own? which options
 * run it?), it is rendered once: all three panels, across the wasm boundary,
 * took the page's first run 17 renders (measured 2026-12-07).
 * @param {Wasm} wasm
 * @param {Scenario} scenario
 * @returns {string}
 */
export function renderedText(wasm, scenario) {
  const key = JSON.stringify(scenario);
  let text = texts.get(key);
  if (text === undefined) {
    text = /** @type {string} */ (wasm.renderCode(scenario, 'then', undefined).futures.code);
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value);
  }
  // The newest last: the oldest is the one to go.
  texts.delete(key);
  texts.set(key, text);
  return text;
}

/**
 * @param {Wasm} wasm
 * @param {(text: string) => Scenario} parse reads a program text (the text
 *   module's: called only for a link with a text, after the page loaded it)
 * @param {{id: string}[]} presets the examples, the first the default
 * @param {Link} link
 * @param {PageOptions} options what a field the link leaves out stays at
 *   (the seed and the comparison excepted: a link without them means seed 0, no comparison)
 * @returns {LinkProgram}
 */
export function linkProgram(wasm, parse, presets, link, options) {
  /** @type {string[]} */
  const problems = [];
  let presetId = presets[0].id;
  if (link.preset !== undefined) {
    if (presets.some((p) => p.id === link.preset)) presetId = link.preset;
    else {
      // Its own program (s= or rust=) is still shown; else the first example.
      const shown = link.s === undefined && link.rust === undefined ? `; the first, ${presetId}, is shown` : '';
      problems.push(`Link: preset must be one of ${presets.map((p) => p.id).join(', ')}${shown}`);
    }
  }
  /** @type {Scenario} */
  let scenario = wasm.resolveScenario(presetId, undefined, undefined);
  /** @type {Described} */
  let described = wasm.describeProgram(scenario, presetId);
  let text = described.textEditable ? renderedText(wasm, scenario) : undefined;
  const editable = described.textEditable;
  try {
    if (link.rust !== undefined && editable) {
      if (link.rust.length > MAX_LINK_TEXT) {
        throw new Error(`rust: is ${link.rust.length} characters long; at most ${MAX_LINK_TEXT} are read`);
      }
      try {
        text = decodeURIComponent(link.rust);
      } catch {
        throw new Error('rust: is not percent-encoded UTF-8 text');
      }
      try {
        scenario = parse(text);
      } catch (error) {
        throw new Error(`rust: ${/** @type {Error} */ (error).message}`, { cause: error });
      }
    } else if (link.s !== undefined) {
      /** @type {Scenario} */
      const decoded = wasm.decodeFragment(link.s);
      // A preset running its own async fn keeps its shape: only its timings.
      scenario = editable ? decoded : wasm.resolveScenario(presetId, undefined, delaysOf(decoded));
      if (editable) text = renderedText(wasm, scenario);
    }
    described = wasm.describeProgram(scenario, presetId);
    presetId = described.preset ?? presetId;
  } catch (error) {
    // The example as it is, where the link's program was refused.
    problems.push(`Link: ${/** @type {Error} */ (error).message}. The example is shown as it is instead.`);
    scenario = wasm.resolveScenario(presetId, undefined, undefined);
    described = wasm.describeProgram(scenario, presetId);
    text = editable ? renderedText(wasm, scenario) : undefined;
  }
  const next = { ...options };
  if (link.clock === 'real' || link.clock === 'virtual') next.clock = link.clock;
  else if (link.clock !== undefined) problems.push(`Link: clock must be "real" or "virtual"; the ${next.clock} clock is used`);
  if (link.style === 'then' || link.style === 'await') next.promiseStyle = link.style;
  else if (link.style !== undefined) problems.push(`Link: style must be "then" or "await"; "${next.promiseStyle}" is used`);
  const seed = Number(link.seed);
  if (link.seed === undefined) next.seed = 0;
  else if (/^\d{1,10}$/.test(link.seed) && seed <= MAX_SEED) next.seed = seed;
  else problems.push(`Link: seed must be a whole number from 0 to ${MAX_SEED}; seed ${next.seed} is used`);
  // As the seed: a link without it means off; a bad one keeps the page's.
  if (link.compare === undefined || link.compare === '1') next.compare = link.compare === '1';
  else problems.push(`Link: compare must be 1 (shows the spawn_local lane); the lane stays ${next.compare ? 'shown' : 'hidden'}`);
  return { presetId, scenario, described, text, options: next, problems };
}

/**
 * The program's text where it says more than its scenario (comments,
 * layout: the learner's own); none where it is the one the page renders
 * for the scenario, or where there is no text.
 * @param {Wasm} wasm
 * @param {{scenario: Scenario, text: string | undefined}} program
 * @returns {string | undefined}
 */
export function ownText(wasm, { scenario, text }) {
  return text !== undefined && text !== renderedText(wasm, scenario) ? text : undefined;
}

/**
 * What `run` and `code` take for a program: its text, where it says more
 * than its scenario (comments, layout: the learner's own); where the text is
 * the one the page renders for the scenario, the scenario that text parses
 * to (its canonical form: so the first run needs no text module, and runs
 * what reading the text would); or, where there is no text (an example
 * running its own async fn), the example and its timings.
 * @param {Wasm} wasm
 * @param {{presetId: string, scenario: Scenario, text: string | undefined}} program
 * @param {PageOptions} options
 * @returns {RunOptions}
 */
export function runOptionsOf(wasm, program, options) {
  const own = ownText(wasm, program);
  const base = own !== undefined ? { rust: own }
    : program.text !== undefined ? { scenario: wasm.canonicalScenario(program.scenario) }
      : { preset: program.presetId, timings: delaysOf(program.scenario) };
  return { ...base, ...options };
}
