// The Callbacks lane: the scenario as nested setTimeout callbacks, the way the
// notes write it. Each step takes a `done` callback; a sequence nests them.

/** Runs `scenario`; resolves when the program has finished. */
export function runCallbacks(scenario, timers, rec) {
  let timerCount = 0;

  function run(step, done) {
    switch (step.type) {
      case 'sleep': {
        const timer = ++timerCount;
        rec.record('timer_set', { timer, label: step.label, ms: step.ms });
        timers.setTimeout(() => {
          rec.record('timer_fired', { timer, label: step.label });
          done();
        }, step.ms);
        return;
      }
      case 'log':
        rec.record('log', { text: step.text });
        done();
        return;
      case 'seq': {
        // setTimeout(a, () => setTimeout(b, () => ...)): each step starts in the
        // previous one's callback.
        let i = 0;
        const next = () => (i === step.steps.length ? done() : run(step.steps[i++], next));
        next();
        return;
      }
      case 'all': {
        let left = step.steps.length;
        for (const child of step.steps) run(child, () => --left === 0 && done());
        return;
      }
      case 'race': {
        // The first callback wins; the others still run: nothing cancels them.
        let won = false;
        for (const child of step.steps) {
          run(child, () => {
            if (!won) {
              won = true;
              done();
            }
          });
        }
        return;
      }
      case 'create_then_await': {
        // Calling starts the work at once; then wait for each in order.
        const finished = step.steps.map(() => false);
        const waiting = [];
        step.steps.forEach((child, k) =>
          run(child, () => {
            finished[k] = true;
            waiting[k]?.();
          }));
        let i = 0;
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
        throw new Error(`unknown step type ${step.type}`);
    }
  }

  return new Promise((resolve) => run(scenario, resolve));
}
