// The Callbacks lane: the scenario as nested setTimeout callbacks, the way the
// notes write it, doing what the Callbacks panel's code does (render.rs
// `callbacks`): each step takes a `done` callback; a sequence nests them.
// Its only tasks are the script and the timers' callbacks (start and end
// recorded); it queues no microtask.

import { childPath, entry, helper } from './step-path.js';
import { logText, inRound, msOf } from './log-text.js';

/** @import { Step, Scenario, StepPath } from '../types.js' */
/** @import { Recorder } from './recorder.js' */
/** @import { LoopVars } from './log-text.js' */

/**
 * Runs `scenario`; resolves when the program has finished. With `forget`
 * (the lost-wake preset, special.rs `js_code`), a timer's callback forgets
 * to go on: the program never finishes.
 * @param {Scenario} scenario
 * @param {Recorder} rec
 * @param {{forget?: boolean}} [options]
 * @returns {Promise<void>}
 */
export function runCallbacks(scenario, rec, { forget = false } = {}) {
  let timerCount = 0;
  /** The spawned tasks' `{done, onDone}`, by handle (render.rs `callback_step`).
   * @type {Map<number, {done: boolean, onDone: (() => void) | null}>} */
  const handles = new Map();

  /**
   * @param {Step} step
   * @param {StepPath} path
   * @param {() => void} done
   * @param {LoopVars} vars the counts of the loops around it (and the
   *   parameters of the helper it is in)
   */
  function run(step, path, done, vars) {
    /** @param {number} i */
    const child = (i) => childPath(path, i);
    switch (step.type) {
      case 'sleep': {
        // setTimeout(callback, ms), recorded.
        const timer = { timer: ++timerCount, label: step.label, step: path, ms: msOf(step, vars) };
        if (forget) rec.timer({ ...timer, callback: 'noop' }, () => {}); // the panel's bug: it never calls on
        else rec.timer(timer, done);
        return;
      }
      case 'yield':
        // setTimeout(callback, 0): the rest runs in a new browser task, after
        // the tasks already due. Its label names it in the trace.
        rec.timer({ timer: ++timerCount, label: 'yield', step: path, ms: 0 }, done);
        return;
      case 'log':
        rec.record('log', { text: logText(step, vars), step: path });
        done();
        return;
      case 'block':
        // The panel's block(ms): a busy loop in this callback.
        rec.block({ ms: msOf(step, vars), step: path });
        done();
        return;
      case 'seq': {
        // setTimeout(a, () => setTimeout(b, () => ...)): each step starts in the
        // previous one's callback; a `const` declared there is seen by the
        // rest.
        let i = 0;
        let inside = vars;
        /** @type {() => void} */
        const next = () => {
          if (i === step.steps.length) return done();
          const s = step.steps[i];
          if (s.type === 'let') inside = [...inside, [s.name, s.value]];
          return run(s, child(i++), next, inside);
        };
        next();
        return;
      }
      case 'let':
        // `const cups = 3;`: nothing to record.
        done();
        return;
      case 'spawn': {
        // The task's steps start now, and the code after them runs on at
        // once; their last callback marks the handle done and goes on with
        // whoever awaits it.
        /** @type {{done: boolean, onDone: (() => void) | null}} */
        const handle = { done: false, onDone: null };
        if (step.handle !== undefined) handles.set(step.handle, handle);
        run({ type: 'seq', steps: step.steps }, path, () => {
          handle.done = true;
          handle.onDone?.();
        }, vars);
        done();
        return;
      }
      case 'call': {
        // brew(() => { …the rest… }): the helper function runs its steps,
        // then calls `done`. Calling it is no task and records nothing.
        const [body, at, params] = helper(scenario, step.name, step.args);
        run(body, at, done, params);
        return;
      }
      case 'await_handle': {
        // Go on now if the task is done, else from its last callback.
        const handle = /** @type {{done: boolean, onDone: (() => void) | null}} */ (handles.get(step.handle));
        if (handle.done) done();
        else handle.onDone = done;
        return;
      }
      case 'repeat': {
        // (function loop1(i) { if (i === times) { …done…; return; } body,
        // then loop1(i + 1) })(0): each round starts in the last one's
        // callback. Calling the function is no task and records nothing.
        let round = 0;
        /** @type {() => void} */
        const loop = () => {
          if (round === step.times) {
            done();
            return;
          }
          round += 1;
          run({ type: 'seq', steps: step.steps }, path, loop, inRound(step, round - 1, vars));
        };
        loop();
        return;
      }
      case 'all':
      case 'create_then_await': {
        // As the panel writes both: `let left = n; const done = () => { if
        // (--left > 0) return; ... }`. Calling starts the work at once, so
        // "then await each in order" is done when all are.
        let left = step.steps.length;
        step.steps.forEach((s, i) => run(s, child(i), () => {
          if (--left > 0) return;
          done();
        }, vars));
        return;
      }
      case 'race': {
        // The first callback wins; the others still run: nothing cancels
        // them. A branch with code of its own (a select! arm's body, render.rs
        // `callback_arms`) runs it when it wins, then goes on.
        let won = false;
        step.steps.forEach((s, i) => {
          const arm = s.type === 'arm' ? s : null;
          run(arm ? arm.steps[0] : s, arm ? childPath(child(i), 0) : child(i), () => {
            if (!won) {
              won = true;
              if (arm) run(arm.steps[1], childPath(child(i), 1), done, vars);
              else done();
            }
          }, vars);
        });
        return;
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  const [main, at] = entry(scenario);
  return new Promise((resolve) => rec.script(() => run(main, at, resolve, [])));
}
