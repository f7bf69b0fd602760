// A log's text that reads loop variables, as the Rust panel's `format!`
// prints it and the JS panels' template literals do (the rules:
// crates/playground/src/program/log_text.rs): `{round}` is the count of the
// innermost loop around the log whose variable is `round` (or the helper's
// parameter of that name); `{{` and `}}` are braces. Validation has checked
// every name.

/** @import { Step } from '../types.js' */

/**
 * The counts of the loops around a step whose variables are named,
 * innermost last.
 * @typedef {[string, number][]} LoopVars
 */

/**
 * What a log step prints inside the loops `vars`.
 * @param {Step & {type: 'log'}} step
 * @param {LoopVars} vars
 * @returns {string}
 */
export function logText(step, vars) {
  if (!step.format) return step.text;
  return step.text.replace(/\{\{|\}\}|\{(\w+)\}/g, (piece, /** @type {string | undefined} */ name) => {
    if (name === undefined) return piece[0];
    const found = vars.findLast(([var_]) => var_ === name);
    return String(found?.[1]);
  });
}

/**
 * `vars` inside one round of `step`, a loop: its count added if it has a
 * variable.
 * @param {Step & {type: 'repeat'}} step
 * @param {number} round
 * @param {LoopVars} vars
 * @returns {LoopVars}
 */
export const inRound = (step, round, vars) => (step.var === undefined ? vars : [...vars, [step.var, round]]);

/**
 * A sleep's or a block's milliseconds: its own, or the value of the
 * parameter of its helper that it reads.
 * @param {Step & {type: 'sleep' | 'block'}} step
 * @param {LoopVars} vars the loops' counts and the helper's parameters here
 * @returns {number}
 */
export function msOf(step, vars) {
  if (step.ms !== undefined) return step.ms;
  return vars.findLast(([name]) => name === step.param)?.[1] ?? 0;
}
