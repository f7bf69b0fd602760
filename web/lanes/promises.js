// The Promises lane: the scenario with real Promises, as a `.then` chain or
// with async/await. A promise starts its work when it is created (eager).
// Reactions (`.then` callbacks) and resumptions after `await` are recorded:
// they are the microtask hops of each style.

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

  /**
   * The notes' `timer(ms)`: a promise resolved by setTimeout.
   * @param {SleepStep} step
   * @param {string} path
   * @returns {Promise<void>}
   */
  function timer(step, path) {
    const timer = ++timerCount;
    return new Promise((resolve) => rec.timer({ timer, label: step.label, step: path, ms: step.ms }, resolve));
  }

  /**
   * @param {Step} step
   * @param {string} path
   * @returns {Promise<unknown>}
   */
  function chain(step, path) {
    switch (step.type) {
      case 'sleep':
        return timer(step, path);
      case 'log':
        rec.record('log', { text: step.text, step: path });
        return Promise.resolve();
      case 'seq': {
        // timer(200).then(() => timer(100)).then(...)
        let p = chain(step.steps[0], `${path}.steps[0]`);
        step.steps.slice(1).forEach((child, i) => {
          const at = `${path}.steps[${i + 1}]`;
          p = p.then(() => {
            rec.record('reaction', { step: at });
            return chain(child, at);
          });
        });
        return p;
      }
      case 'all':
        return Promise.all(step.steps.map((c, i) => chain(c, `${path}.steps[${i}]`)));
      case 'race':
        return Promise.race(step.steps.map((c, i) => chain(c, `${path}.steps[${i}]`)));
      case 'create_then_await': {
        const made = step.steps.map((c, i) => chain(c, `${path}.steps[${i}]`));
        return made.reduce((p, q, i) => p.then(() => {
          rec.record('reaction', { step: `${path}.steps[${i}]` });
          return q;
        }), /** @type {Promise<unknown>} */ (Promise.resolve()));
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  /**
   * @param {Step} step
   * @param {string} path
   * @returns {Promise<void>}
   */
  async function run(step, path) {
    switch (step.type) {
      case 'sleep':
        await timer(step, path);
        rec.record('resume', { step: path });
        return;
      case 'log':
        rec.record('log', { text: step.text, step: path });
        return;
      case 'seq':
        for (const [i, child] of step.steps.entries()) await run(child, `${path}.steps[${i}]`);
        return;
      case 'all':
        await Promise.all(step.steps.map((c, i) => run(c, `${path}.steps[${i}]`)));
        rec.record('resume', { step: path });
        return;
      case 'race':
        await Promise.race(step.steps.map((c, i) => run(c, `${path}.steps[${i}]`)));
        rec.record('resume', { step: path });
        return;
      case 'create_then_await': {
        const made = step.steps.map((c, i) => run(c, `${path}.steps[${i}]`));
        for (const [i, p] of made.entries()) {
          await p;
          rec.record('resume', { step: `${path}.steps[${i}]` });
        }
        return;
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  return style === 'await' ? run(scenario, 'scenario') : chain(scenario, 'scenario');
}
