// The Rust future's state machine at a replay position: which variant of the
// enum rustc makes of the panel's `async fn run()` is live, from the Rust
// lane's `state` events (one after each poll of run(): "Suspend1 at line 5",
// "Returned") up to that position. Before the first poll it is Unresumed.
// Pure: the view (ui/state-machine.js) only shows it.

/** @import { MergedEvent, StateMachine } from './types.js' */

/**
 * The live variant's name at `position`.
 * @param {MergedEvent[]} merged
 * @param {number} position
 */
export function currentVariant(merged, position) {
  let variant = 'Unresumed';
  for (let i = 0; i <= position && i < merged.length; i += 1) {
    const { lane, event } = merged[i];
    if (lane === 'futures' && event.kind === 'state') variant = event.text.split(' ')[0];
  }
  return variant;
}

/**
 * A variant as the enum's source would write it: `Suspend0 { __awaitee: Sleep }`.
 * @param {StateMachine['variants'][number]} variant
 */
export function variantText({ name, fields }) {
  if (fields.length === 0) return name;
  return `${name} { ${fields.map((f) => `${f.name}: ${f.type}`).join(', ')} }`;
}

/** What each variant without a line means, as a trailing comment. */
const MEANING = {
  Unresumed: 'made, not polled yet: the body has not started',
  Returned: 'run() has finished',
  Panicked: 'a poll panicked (never here)',
};

/**
 * The comment after a variant: its `.await`'s line, or what it means.
 * @param {StateMachine['variants'][number]} variant
 */
export function variantComment({ name, line }) {
  if (line !== null) return `suspended at line ${line}`;
  return MEANING[/** @type {keyof typeof MEANING} */ (name)] ?? '';
}

/**
 * The size sentence: rustc's figure, or why the page has none.
 * @param {StateMachine} machine
 */
export function sizeText({ size, lane_runs_it: laneRunsIt }) {
  if (size !== null && laneRunsIt) {
    return `size_of: ${size} bytes, as rustc lays it out (wasm32): this preset's panel is compiled into the page, `
      + 'the lane runs that compiled run(), and size_of_val(&run()) is measured on its future, made and never polled.';
  }
  if (size !== null) {
    return `size_of: ${size} bytes, as rustc lays it out (wasm32), measured with size_of_val(&run()) on this `
      + 'panel compiled into the page, made and never polled. The lane runs this example as its own async fn: '
      + 'the panel\'s code with the timing and text as arguments (and Self-reference\'s address records), '
      + 'so the future it polls holds those too.';
  }
  return 'size_of: not known. The lane runs this program as the runtime\'s combinators composed, whose size '
    + 'is not rustc\'s for this panel; the page has rustc\'s size only for the presets, whose panels it compiles.';
}
