// A step's path in a program, as the trace format writes it: the root is
// `scenario`, its second child `scenario.steps[1]` (the Rust side writes the
// same: crates/playground/src/program/step_path.rs). Both JS lanes name
// steps through these, so the form is written here once.

/** The program's root step. */
export const ROOT = 'scenario';

/**
 * The path of child `i` (from 0) of the step at `path`.
 * @param {string} path
 * @param {number} i
 */
export const childPath = (path, i) => `${path}.steps[${i}]`;
