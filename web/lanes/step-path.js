// A step's path in a program, as trace events carry it: the child indices
// from the root, so the root is `[]` and its second child `[1]` (the Rust
// side's StepPath: crates/playground/src/program/step_path.rs, which also
// writes it for people: `scenario.steps[1]`).

/** @import { StepPath } from '../types.js' */

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
