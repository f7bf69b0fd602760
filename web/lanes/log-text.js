// A log's text that reads loop variables, as the Rust panel's `format!`
// prints it and the JS panels' template literals do (the rules:
// crates/playground/src/program/log_text.rs): `{round}` is the count of the
// innermost loop around the log whose variable is `round`; `{{` and `}}`
// are braces. Validation has checked every name.

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
