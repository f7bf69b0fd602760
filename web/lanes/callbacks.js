// The Callbacks lane: the scenario as nested setTimeout callbacks, the way the
// notes write it, doing what the Callbacks panel's code does (render.rs
// `callbacks`): each step takes a `done` callback; a sequence nests them.
// Its only tasks are the script and the timers' callbacks (start and end
// recorded); it queues no microtask.

import { abortedHandles, childPath, entry, helper } from './step-path.js';
import { logText, inRound, msOf } from './log-text.js';

/** @import { Step, Scenario, StepPath } from '../types.js' */
/** @import { Recorder } from './recorder.js' */
/** @import { LoopVars } from './log-text.js' */

/**
 * A spawned task's handle (render.rs `callback_step`): `{done, onDone}` for
 * its await, or, if the program aborts it, the functions that clear its
 * timers.
 * @typedef {{done: boolean, onDone: (() => void) | null, timers: (() => void)[]}} Handle
 */

/**
 * The block a step runs in: the handles spawned in it (a block's own, as
 * the panel's `const h1` is), and, in a task the program aborts, where its
 * timers are kept (null elsewhere).
 * @typedef {{handles: Map<number, Handle>, task: (() => void)[] | null}} Scope
 */

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
  const aborted = abortedHandles(scenario);

  /**
   * `setTimeout(callback, ms)`, recorded; in a task that is aborted, kept in
   * its list (`h1.timers.push(setTimeout(…))`).
   * @param {Parameters<Recorder['timer']>[0]} timer
   * @param {() => void} fire
   * @param {Scope} scope
   */
  function setTimer(timer, fire, scope) {
    const clear = rec.timer(timer, fire);
    scope.task?.push(clear);
  }

  /**
   * @param {Step} step
   * @param {StepPath} path
   * @param {() => void} done
   * @param {LoopVars} vars the counts of the loops around it (and the
   *   parameters of the helper it is in)
   * @param {Scope} scope the block it is in
   */
  function run(step, path, done, vars, scope) {
    /** @param {number} i */
    const child = (i) => childPath(path, i);
    // A block of its own in the same task: a helper's body, a loop's round,
    // an item of a join or race, an arm's body.
    const inner = () => ({ handles: new Map(), task: scope.task });
    switch (step.type) {
      case 'sleep': {
        // setTimeout(callback, ms), recorded.
        const timer = { timer: ++timerCount, label: step.label, step: path, ms: msOf(step, vars) };
        if (forget) setTimer({ ...timer, callback: 'noop' }, () => {}, scope); // the panel's bug: it never calls on
        else setTimer(timer, done, scope);
        return;
      }
      case 'yield':
        // setTimeout(callback, 0): the rest runs in a new browser task, after
        // the tasks already due. Its label names it in the trace.
        setTimer({ timer: ++timerCount, label: 'yield', step: path, ms: 0 }, done, scope);
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
          return run(s, child(i++), next, inside, scope);
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
        // whoever awaits it. An aborted task's handle keeps its timers
        // instead (`const h1 = { timers: [] };`): it is never awaited.
        /** @type {Handle} */
        const handle = { done: false, onDone: null, timers: [] };
        if (step.handle !== undefined) scope.handles.set(step.handle, handle);
        const task = step.handle !== undefined && aborted.has(step.handle) ? handle.timers : null;
        run({ type: 'seq', steps: step.steps }, path, () => {
          handle.done = true;
          handle.onDone?.();
        }, vars, { handles: new Map(), task });
        done();
        return;
      }
      case 'abort':
        // h1.timers.forEach(clearTimeout): the task's callbacks never run.
        /** @type {Handle} */ (scope.handles.get(step.handle)).timers.forEach((clear) => clear());
        done();
        return;
      case 'call': {
        // brew(() => { …the rest… }): the helper function runs its steps,
        // then calls `done`. Calling it is no task and records nothing.
        const [body, at, params] = helper(scenario, step.name, step.args);
        run(body, at, done, params, inner());
        return;
      }
      case 'await_handle': {
        // Go on now if the task is done, else from its last callback.
        const handle = /** @type {Handle} */ (scope.handles.get(step.handle));
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
          run({ type: 'seq', steps: step.steps }, path, loop, inRound(step, round - 1, vars), inner());
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
        }, vars, inner()));
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
              if (arm) run(arm.steps[1], childPath(child(i), 1), done, vars, inner());
              else done();
            }
          }, vars, inner());
        });
        return;
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  const [main, at] = entry(scenario);
  return new Promise((resolve) => rec.script(() => run(main, at, resolve, [], { handles: new Map(), task: null })));
}
