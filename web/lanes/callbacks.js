// The Callbacks lane: the scenario as nested setTimeout callbacks, the way the
// notes write it. Each step takes a `done` callback; a sequence nests them.

/** @import { Step, Scenario } from '../types.js' */
/** @import { Recorder } from './recorder.js' */

/**
 * Runs `scenario`; resolves when the program has finished.
 * @param {Scenario} scenario
 * @param {Recorder} rec
 * @returns {Promise<void>}
 */
export function runCallbacks(scenario, rec) {
  let timerCount = 0;

  /**
   * @param {Step} step
   * @param {string} path
   * @param {() => void} done
   */
  function run(step, path, done) {
    /** @param {number} i */
    const child = (i) => `${path}.steps[${i}]`;
    switch (step.type) {
      case 'sleep': {
        // setTimeout(callback, ms), recorded.
        rec.timer({ timer: ++timerCount, label: step.label, step: path, ms: step.ms }, done);
        return;
      }
      case 'log':
        rec.record('log', { text: step.text, step: path });
        done();
        return;
      case 'seq': {
        // setTimeout(a, () => setTimeout(b, () => ...)): each step starts in the
        // previous one's callback.
        let i = 0;
        /** @type {() => void} */
        const next = () => (i === step.steps.length ? done() : run(step.steps[i], child(i++), next));
        next();
        return;
      }
      case 'all': {
        let left = step.steps.length;
        step.steps.forEach((s, i) => run(s, child(i), () => --left === 0 && done()));
        return;
      }
      case 'race': {
        // The first callback wins; the others still run: nothing cancels them.
        let won = false;
        step.steps.forEach((s, i) => run(s, child(i), () => {
          if (!won) {
            won = true;
            done();
          }
        }));
        return;
      }
      case 'create_then_await': {
        // Calling starts the work at once; then wait for each in order.
        const finished = step.steps.map(() => false);
        /** @type {(() => void)[]} */
        const waiting = [];
        step.steps.forEach((s, k) =>
          run(s, child(k), () => {
            finished[k] = true;
            waiting[k]?.();
          }));
        let i = 0;
        /** @type {() => void} */
        const next = () => {
          if (i === step.steps.length) return done();
          const k = i++;
          if (finished[k]) next();
          else waiting[k] = next;
        };
        next();
        return;
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  return new Promise((resolve) => run(scenario, 'scenario', resolve));
}
