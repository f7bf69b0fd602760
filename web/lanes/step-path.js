// A step's path in a program, as trace events carry it: the child indices
// from the root, so the root is `[]` and its second child `[1]` (the Rust
// side's StepPath: crates/playground/src/program/step_path.rs, which also
// writes it for people: `scenario.steps[1]`).

/** @import { Step, StepPath } from '../types.js' */

/** The program's root step. */
export const ROOT = /** @type {StepPath} */ ([]);

/**
 * The path of child `i` (from 0) of the step at `path`.
 * @param {StepPath} path
 * @param {number} i
 * @returns {StepPath}
 */
export const childPath = (path, i) => [...path, i];

/**
 * Whether two paths name the same step.
 * @param {StepPath | undefined} a
 * @param {StepPath | undefined} b
 */
export const sameStep = (a, b) => a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * A key for a path in a `Map` (paths are arrays, compared by identity there).
 * @param {StepPath} path
 */
export const stepKey = (path) => path.join('/');

/**
 * What the lanes run of a program, and its path: `run()`'s body, as a
 * sequence, in a program with helper `async fn`s (a module); else the
 * program itself (render.rs writes the panels so, scenario.rs `entry`).
 * @param {Step} program
 * @returns {[Step, StepPath]}
 */
export function entry(program) {
  if (program.type !== 'module') return [program, ROOT];
  const [body, at] = helper(program, 'run');
  return [body, at];
}

/**
 * The body of the program's `async fn` named `name`, as a sequence, its
 * path (validation: it exists), and its parameters, each with its
 * argument from `args`, as a text and a delay read them.
 * @param {Step} program
 * @param {string} name
 * @param {number[]} [args]
 * @returns {[Step, StepPath, [string, number][]]}
 */
export function helper(program, name, args = []) {
  const fns = program.type === 'module' ? program.steps : [];
  const i = fns.findIndex((f) => f.type === 'async_fn' && f.name === name);
  const fn = /** @type {Step & {type: 'async_fn'}} */ (fns[i]);
  const params = (fn.params ?? []).map((p, k) => /** @type {[string, number]} */ ([p, args[k]]));
  return [{ type: 'seq', steps: fn.steps }, childPath(ROOT, i), params];
}

/**
 * The handles the program aborts (`h.abort();`): their tasks' timers are
 * kept where the abort can clear them (render.rs `JsNames::aborted_task`).
 * @param {Step} program
 * @returns {Set<number>}
 */
export function abortedHandles(program) {
  /** @type {Set<number>} */
  const aborted = new Set();
  /** @param {Step} step */
  const visit = (step) => {
    if (step.type === 'abort') aborted.add(step.handle);
    if ('steps' in step) step.steps.forEach(visit);
  };
  visit(program);
  return aborted;
}
