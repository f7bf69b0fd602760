// Runs a JS panel's text as a whole script in a fresh node:vm realm that has
// only setTimeout, clearTimeout, console.log, performance.now and
// AbortController, on a
// virtual clock: timers fire in due order (ties in the order set), one per
// task, with the realm's microtasks drained in between, as a browser does,
// and a short timer set from more than five nested timer tasks deep waits
// 4 ms, as HTML says (its own count, written apart from the lanes' clocks).
// The clock moves only between tasks, and by 0.1 µs at each performance.now()
// read, so the panels' block(ms) busy loop ends, ms later. Those reads add
// up (about 0.2 µs a block), always forward: times are reported floored to
// the 1/100 ms, exact for up to 50 blocks in a run. Used by the end-to-end
// tests (Chromium) and the engine tests (Firefox, WebKit).
import vm from 'node:vm';

/** Returns `[text, t]` for each console.log of `code`. */
export async function runScript(code) {
  return (await scriptEvents(code)).filter((e) => e[0] === 'log').map(([, text, t]) => [text, t]);
}

/** Runs `code`; returns what it did, in order: `['set', ms, t]` for each
 * setTimeout, `['fired', t]` for each timer callback, `['cleared', t]` for
 * each clearTimeout of a timer still pending, `['log', text, t]` for each
 * console.log. */
export async function scriptEvents(code) {
  let now = 0;
  let made = 0;
  const timers = new Map();
  const events = [];
  const at = () => Math.floor(now * 100) / 100;
  // The timer nesting level of the running task, as HTML counts it: a timer
  // set from more than 5 levels deep waits at least 4 ms.
  let level = 0;
  const realm = vm.createContext({
    performance: { now: () => (now += 0.0001) },
    setTimeout: (callback, ms = 0) => {
      made += 1;
      const delay = level > 5 && ms < 4 ? 4 : Math.max(0, ms);
      timers.set(made, { id: made, due: now + delay, callback, level: level + 1 });
      events.push(['set', ms, at()]);
      return made;
    },
    clearTimeout: (id) => {
      if (timers.delete(id)) events.push(['cleared', at()]);
    },
    // A program that aborts a task: the Promises panel's twin of
    // `h.abort()` (its listeners run at once, in the realm's code).
    AbortController,
    // Returns nothing, as console.log does (a panel may race its value).
    console: { log: (...args) => void events.push(['log', args.join(' '), at()]) },
  });
  const drain = () => new Promise((resolve) => setImmediate(resolve)); // the realm shares our microtask queue
  vm.runInContext(code, realm, { timeout: 1_000 });
  await drain();
  while (timers.size > 0) {
    const next = [...timers.values()].sort((a, b) => a.due - b.due || a.id - b.id)[0];
    timers.delete(next.id);
    now = Math.max(now, next.due);
    events.push(['fired', at()]);
    level = next.level;
    next.callback();
    await drain();
  }
  return events;
}

/** What a lane logged, as `[text, t]`. */
export const logsOf = (trace) => trace.events.filter((e) => e.kind === 'log').map((e) => [e.text, e.t]);

/** What a lane did that its panel's script shows, as `scriptEvents` gives it. */
export const eventsOf = (trace) => trace.events.flatMap((e) => {
  if (e.kind === 'timer_set') return [['set', e.ms, e.t]];
  if (e.kind === 'timer_fired') return [['fired', e.t]];
  if (e.kind === 'timer_cancel') return [['cleared', e.t]];
  if (e.kind === 'log') return [['log', e.text, e.t]];
  return [];
});
