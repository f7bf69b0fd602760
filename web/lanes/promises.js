// The Promises lane: the scenario with real Promises, as a `.then` chain or
// with async/await, doing exactly what the Promises panel's code does (the
// renderer, render.rs, writes that code from the same scenario): the same
// promises, `.then` callbacks, async functions and awaits, so the same
// microtask hops. A promise starts its work when it is created (eager).
// It records only at the calls the panel shows: `setTimeout` and its callback
// (in `timer`), a `.then` callback running (`reaction`), an `await` resuming
// (`resume`), `console.log` (`log`).

/** @import { Step, Scenario, PromiseStyle, SleepStep } from '../types.js' */
/** @import { Recorder } from './recorder.js' */

/**
 * Runs `scenario` in `style` ("then" or "await"); resolves when finished.
 * @param {Scenario} scenario
 * @param {Recorder} rec
 * @param {PromiseStyle} style
 * @returns {Promise<unknown>}
 */
export function runPromises(scenario, rec, style) {
  let timerCount = 0;
  /** @param {string} path @param {number} i */
  const child = (path, i) => `${path}.steps[${i}]`;

  /**
   * The panel's `timer(ms)`: a promise that a `setTimeout` resolves.
   * @param {SleepStep} step
   * @param {string} path
   * @returns {Promise<void>}
   */
  function timer(step, path) {
    const timer = ++timerCount;
    return new Promise((resolve) => rec.timer({ timer, label: step.label, step: path, ms: step.ms }, resolve));
  }

  /**
   * The panel's `console.log(text)`: no promise (undefined).
   * @param {Step & {type: 'log'}} step
   * @param {string} path
   */
  function log(step, path) {
    rec.record('log', { text: step.text, step: path });
  }

  // ---- `.then` style: render.rs `then_expr` ----

  /**
   * The value of the step's expression in the panel: a promise, or undefined
   * for a log.
   * @param {Step} step
   * @param {string} path
   * @returns {Promise<unknown> | undefined}
   */
  function thenExpr(step, path) {
    switch (step.type) {
      case 'sleep':
        return timer(step, path);
      case 'log':
        log(step, path);
        return undefined;
      case 'seq': {
        // timer(200).then(() => timer(100)).then(...); a log first is
        // wrapped: Promise.resolve(console.log(...)).
        const first = thenExpr(step.steps[0], child(path, 0));
        let p = step.steps[0].type === 'log' ? Promise.resolve(first) : /** @type {Promise<unknown>} */ (first);
        step.steps.slice(1).forEach((next, i) => {
          const at = child(path, i + 1);
          p = p.then(() => {
            rec.record('reaction', { step: at });
            return thenExpr(next, at);
          });
        });
        return p;
      }
      case 'all':
        return Promise.all(step.steps.map((c, i) => thenExpr(c, child(path, i))));
      case 'race':
        return Promise.race(step.steps.map((c, i) => thenExpr(c, child(path, i))));
      case 'create_then_await': {
        // (() => { const made = [...]; return made[0].then(() => made[1])...; })()
        const made = step.steps.map((c, i) => thenExpr(c, child(path, i)));
        let p = step.steps[0].type === 'log' ? Promise.resolve(made[0]) : /** @type {Promise<unknown>} */ (made[0]);
        made.slice(1).forEach((next, i) => {
          p = p.then(() => {
            rec.record('reaction', { step: child(path, i + 1) });
            return next;
          });
        });
        return p;
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  // ---- async/await style: render.rs `await_statements`, `await_expr` ----

  /**
   * The statements a step is in a function body: a sequence's steps, one
   * after another, in the same function (no call of its own).
   * @param {Step} step
   * @param {string} path
   * @returns {[Step, string][]}
   */
  function statements(step, path) {
    return step.type === 'seq'
      ? step.steps.flatMap((s, i) => statements(s, child(path, i)))
      : [[step, path]];
  }

  /**
   * An async function whose body is the step's statements: `run()`, or an
   * `(async () => { ... })()` item.
   * @param {Step} step
   * @param {string} path
   * @returns {Promise<void>}
   */
  async function body(step, path) {
    for (const [s, at] of statements(step, path)) {
      switch (s.type) {
        case 'sleep':
          await timer(s, at);
          rec.record('resume', { step: at });
          break;
        case 'log':
          log(s, at);
          break;
        case 'all':
        case 'race': {
          const items = s.steps.map((c, i) => awaitExpr(c, child(at, i)));
          await (s.type === 'all' ? Promise.all(items) : Promise.race(items));
          rec.record('resume', { step: at });
          break;
        }
        case 'create_then_await': {
          const made = s.steps.map((c, i) => awaitExpr(c, child(at, i)));
          for (const [i, item] of made.entries()) {
            await item;
            rec.record('resume', { step: child(at, i) });
          }
          break;
        }
        default:
          throw new Error(`unknown step type ${s.type}`);
      }
    }
  }

  /**
   * A step as an array item: `timer(ms)`, `console.log(...)` or an async
   * function called at once.
   * @param {Step} step
   * @param {string} path
   * @returns {Promise<unknown> | undefined}
   */
  function awaitExpr(step, path) {
    switch (step.type) {
      case 'sleep':
        return timer(step, path);
      case 'log':
        log(step, path);
        return undefined;
      default:
        return body(step, path);
    }
  }

  return style === 'await' ? body(scenario, 'scenario') : Promise.resolve(thenExpr(scenario, 'scenario'));
}
