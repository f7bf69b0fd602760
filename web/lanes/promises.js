// The Promises lane: the scenario with real Promises, as a `.then` chain or
// with async/await, doing exactly what the Promises panel's code does (the
// renderer, render.rs, writes that code from the same scenario): the same
// promises, `.then` callbacks, async functions and awaits, so the same
// microtask hops. A promise starts its work when it is created (eager).
// It records the calls the panel shows: `setTimeout` and its callback (in
// `timer`), a `.then` callback running (`reaction`), an `await` resuming
// (`resume`), `console.log` (`log`); and the microtask queue as it happens:
// every job the engine queues for the panel's promises (`enqueue`), when it
// starts (`reaction`, `resume`, or `engine_job` for the engine's own jobs)
// and when it returns (`job_end`).
//
// How the lane sees the engine's own jobs without adding any: a promise that
// the engine will subscribe to (an item of Promise.all or Promise.race, or a
// promise a `.then` callback returns) gets its own `then` property, which
// the engine calls (the spec's Invoke(promise, "then")) where it would call
// Promise.prototype.then. It records, wraps the engine's handler to record
// its job, and calls Promise.prototype.then: the same reactions, in the same
// order, so the same jobs. The panel's own `.then`s and `await`s never look
// `then` up (the lane calls Promise.prototype.then; `await` does not call it).
// One job stays out of sight: the one the engine queues for a value (not a
// promise) among Promise.all's or Promise.race's items; what it settles is
// recorded when the lane next runs, which is before anything else can happen
// (`combine`, `catchUp`). The order of the existing events (timers, logs,
// reactions, resumes) is the same as without any of this: the tests compare.

import { abortedHandles, childPath, entry, helper } from './step-path.js';
import { logText, inRound, msOf } from './log-text.js';

/** @import { Step, Scenario, PromiseStyle, SleepStep, Handler, EnqueueBy, StepPath } from '../types.js' */

/**
 * What a step sees of the code around it: the handles of the tasks spawned
 * in its block (a task's promise, or the `AbortController` of a task the
 * program aborts), and, in a task the program aborts, that task's signal.
 * @typedef {{handles: Map<number, Promise<unknown> | AbortController>, signal: AbortSignal | undefined}} Scope
 */
/** @import { Recorder } from './recorder.js' */
/** @import { LoopVars } from './log-text.js' */

/**
 * A reaction: a handler that a promise will queue as a job once fulfilled;
 * `pos`, once queued, its place in the order of all the jobs queued.
 * @typedef {{handler: Handler, step: StepPath, pos?: number}} Reaction
 */

/**
 * An item of Promise.all or Promise.race: its `reaction` (a promise's), or
 * `pos`, the place of the job the engine queues for it (a value's).
 * @typedef {{promise: Promise<unknown> | undefined, step: StepPath, subscribed: boolean, done: boolean, reaction?: Reaction, pos?: number}} Item
 */

/**
 * One of the panel's promises, as the lane follows it. These programs never
 * reject: a promise is pending or fulfilled.
 * @typedef {object} Followed
 * @property {EnqueueBy} by what fulfils it, for the `enqueue` events it causes
 * @property {{timer: number, label: string}} [timer] a timer's promise: which
 * @property {boolean} settled
 * @property {Reaction[]} reactions registered while pending, in order
 * @property {{job: Reaction, adopt: () => void}[]} adopters `.then` promises
 *   whose callback returned this promise: each waits for the engine's job that
 *   subscribes it (`job`, a `thenable`); `adopt` fulfils it
 * @property {boolean} hooked has its own `then`
 * @property {number} [hidden] to be settled by a job the lane cannot see: its
 *   place in the queue (see `combine`)
 */

/**
 * Runs `scenario` in `style` ("then" or "await"); resolves when finished.
 * @param {Scenario} scenario
 * @param {Recorder} rec
 * @param {PromiseStyle} style
 * @param {{forget?: boolean}} [options] `forget`: the lost-wake preset
 *   (special.rs `js_code`): a timer's callback never resolves its promise
 * @returns {Promise<unknown>}
 */
export function runPromises(scenario, rec, style, { forget = false } = {}) {
  let timerCount = 0;
  const aborted = abortedHandles(scenario);
  /**
   * A task the program aborts: its handle is an `AbortController`, whose
   * signal its timers take (render.rs `timer_function`); any other task's
   * handle is its promise.
   * @param {Step & {type: 'spawn'}} step
   */
  const controllerOf = (step) => (step.handle !== undefined && aborted.has(step.handle) ? new AbortController() : null);

  // ---- Following the panel's promises and the jobs they queue ----

  const originalThen = Promise.prototype.then;
  /** @type {WeakMap<Promise<unknown>, Followed>} */
  const followed = new WeakMap();
  // Counts the jobs queued, seen or not: the microtask queue is first in,
  // first out, so a job has run once a job queued after it starts.
  let queued = 0;
  /** Promises that a job the lane cannot see will settle, by its place.
   * @type {Followed[]} */
  const hiddenSettles = [];
  /**
   * The Promise.all or Promise.race call in progress: its items, so the
   * `then` the engine calls on each is known for an element's.
   * @type {{handler: 'all' | 'race', items: Item[], subscribed: (item: Item, r: Reaction) => void, after: (item: Item, r: Reaction) => void} | null}
   */
  let collecting = null;

  /**
   * @param {EnqueueBy} by
   * @param {Followed['timer']} [timer]
   * @returns {Followed}
   */
  const newFollowed = (by, timer) => ({ by, timer, settled: false, reactions: [], adopters: [], hooked: false });

  /**
   * @template {Promise<unknown>} P
   * @param {Followed} f
   * @param {P} promise
   * @returns {P}
   */
  function bind(f, promise) {
    followed.set(promise, f);
    return promise;
  }

  /**
   * A job joined the microtask queue.
   * @param {Reaction} r
   * @param {EnqueueBy} by
   * @param {Followed['timer']} [timer]
   */
  function enqueue(r, by, timer) {
    r.pos = ++queued;
    rec.record('enqueue', { handler: r.handler, step: r.step, by, ...timer });
  }

  /**
   * The lane runs again, as the job at `pos` (Infinity: a task): every job
   * queued before it has run, the unseen ones too. What those settled
   * queued its reactions then, after every job queued before, and nothing
   * ran since: they are recorded now, in that order.
   * @param {number} pos
   */
  function catchUp(pos) {
    hiddenSettles.sort((a, b) => /** @type {number} */ (a.hidden) - /** @type {number} */ (b.hidden));
    while (hiddenSettles.length && /** @type {number} */ (hiddenSettles[0].hidden) < pos) {
      fulfil(/** @type {Followed} */ (hiddenSettles.shift()));
    }
  }

  /**
   * `f` will be settled by the unseen job at `pos`.
   * @param {Followed} f
   * @param {number} pos
   */
  function settleHidden(f, pos) {
    f.hidden = pos;
    hiddenSettles.push(f);
  }

  /**
   * `f` fulfilled: its reactions join the queue, in the order registered.
   * Called right after the fulfilment, or, inside a callback or an async
   * function, just before the return that fulfils: nothing can queue a job
   * in between.
   * @param {Followed} f
   */
  function fulfil(f) {
    f.settled = true;
    for (const r of f.reactions.splice(0)) enqueue(r, f.by, f.timer);
  }

  /**
   * A reaction is registered on `f` (undefined: not a promise, as in `await
   * console.log(...)`): queued at once if already fulfilled, else later.
   * @param {Followed | undefined} f
   * @param {Reaction} r
   */
  function register(f, r) {
    if (!f || f.settled) enqueue(r, 'settled');
    else f.reactions.push(r);
  }

  /** A job starts: the first thing it runs.
   * @param {Reaction} r */
  function started(r) {
    catchUp(r.pos ?? Infinity);
    if (r.handler === 'then') rec.record('reaction', { step: r.step });
    else if (r.handler === 'await') rec.record('resume', { step: r.step });
    else rec.record('engine_job', { handler: r.handler, step: r.step });
  }

  /** The job returns: the last thing it runs.
   * @param {Reaction} r */
  const ended = (r) => rec.record('job_end', { handler: r.handler, step: r.step });

  /**
   * The engine's handler, as a job of its own that the lane records.
   * @param {Reaction} r
   * @param {((value: unknown) => unknown) | null | undefined} handler
   * @param {(r: Reaction) => void} after what the handler settled, if anything
   */
  const wrap = (r, handler, after) => (/** @type {unknown} */ value) => {
    started(r);
    const result = handler?.(value);
    after(r);
    ended(r);
    return result;
  };

  /**
   * Gives `promise` its own `then`, for the engine to call: as Promise.all's
   * or Promise.race's item, or in the job that subscribes a `.then` promise
   * to it. Any other caller gets Promise.prototype.then, unrecorded.
   * @param {Promise<unknown>} promise
   * @param {Followed} f
   */
  function hook(promise, f) {
    if (f.hooked) return;
    f.hooked = true;
    Object.defineProperty(promise, 'then', {
      configurable: true,
      writable: true,
      /**
       * @param {((value: unknown) => unknown) | null | undefined} onFulfilled
       * @param {((reason: unknown) => unknown) | null | undefined} onRejected
       */
      value(onFulfilled, onRejected) {
        const item = collecting?.items.find((i) => i.promise === promise && !i.subscribed);
        if (collecting && item) {
          const r = { handler: collecting.handler, step: item.step };
          const { after } = collecting;
          collecting.subscribed(item, r);
          register(f, r);
          return originalThen.call(this, wrap(r, onFulfilled, () => after(item, r)), onRejected);
        }
        const adopter = f.adopters.shift();
        if (!adopter) return originalThen.call(this, onFulfilled, onRejected);
        // The thenable job is running now: it subscribes the `.then` promise.
        const { job, adopt } = adopter;
        started(job);
        const r = { handler: /** @type {Handler} */ ('adopt'), step: job.step };
        register(f, r);
        const result = originalThen.call(this, wrap(r, onFulfilled, adopt), onRejected);
        ended(job);
        return result;
      },
    });
  }

  /**
   * The panel's `p.then(callback)`, `callback` starting `step`.
   * @param {Promise<unknown>} p
   * @param {StepPath} step
   * @param {(value: unknown) => unknown} callback
   * @returns {Promise<unknown>}
   */
  function then(p, step, callback) {
    const d = newFollowed('then');
    const r = { handler: /** @type {Handler} */ ('then'), step };
    register(followed.get(p), r);
    return bind(d, originalThen.call(p, (/** @type {unknown} */ fulfilled) => {
      started(r);
      const value = callback(fulfilled);
      const q = value instanceof Promise ? followed.get(value) : undefined;
      if (q) {
        // Resolved with a promise: the engine queues a job that calls its
        // `then` (hooked: the job is recorded when it runs).
        hook(/** @type {Promise<unknown>} */ (value), q);
        const job = { handler: /** @type {Handler} */ ('thenable'), step };
        q.adopters.push({ job, adopt: () => fulfil(d) });
        enqueue(job, 'return');
      } else {
        fulfil(d);
      }
      ended(r);
      return value;
    }));
  }

  /**
   * `Promise.resolve(value)` of a value (not a promise): fulfilled at once.
   * @param {unknown} value
   */
  function resolved(value) {
    const f = newFollowed('settled');
    f.settled = true;
    return bind(f, Promise.resolve(value));
  }

  /**
   * The panel's `Promise.all(items)` or `Promise.race(items)`.
   *
   * A value among the items (a `console.log(...)`) is wrapped by the engine
   * in a promise of its own, whose job (queued at once, in item order) runs
   * nothing the lane can see. When such a job is the one that settles the
   * result (the last to run for an `all`, the first for a `race`), the
   * reactions that queues are recorded when the lane next runs (`catchUp`).
   * @param {'all' | 'race'} handler
   * @param {(Promise<unknown> | null | undefined)[]} items
   * @param {StepPath[]} steps each item's step
   * @returns {Promise<unknown>}
   */
  function combine(handler, items, steps) {
    const f = newFollowed(handler);
    /** @type {Item[]} */
    // A value item (undefined, or a yield's null) is no promise.
    const entries = items.map((promise, i) => ({ promise: promise ?? undefined, step: steps[i], subscribed: false, done: false }));
    /** Values' jobs are queued in item order, before the next item's.
     * @param {number} upTo */
    const queueValues = (upTo) => {
      for (const e of entries.slice(0, upTo)) {
        if (e.promise === undefined && e.pos === undefined) e.pos = ++queued;
      }
    };
    /** Whether an item's job has run, seen from the job at `pos`.
     * @param {Item} e @param {number} pos */
    const ran = (e, pos) => (e.promise === undefined ? /** @type {number} */ (e.pos) < pos : e.done);
    for (const e of entries) {
      if (e.promise) hook(e.promise, /** @type {Followed} */ (followed.get(e.promise)));
    }
    collecting = {
      handler,
      items: entries,
      subscribed(item, r) {
        queueValues(entries.indexOf(item));
        item.subscribed = true;
        item.reaction = r;
      },
      after(item, r) {
        item.done = true;
        if (f.settled || f.hidden !== undefined) return;
        const left = entries.filter((e) => !ran(e, /** @type {number} */ (r.pos)));
        if (handler === 'race' || left.length === 0) fulfil(f);
        else if (left.every((e) => e.promise === undefined)) settleHidden(f, Math.max(...left.map((e) => /** @type {number} */ (e.pos))));
      },
    };
    let promise;
    try {
      promise = handler === 'all' ? Promise.all(items) : Promise.race(items);
    } finally {
      collecting = null;
    }
    queueValues(entries.length);
    // Items whose job is queued already (values, and promises fulfilled):
    // a race goes with the first; an all of values only, with the last.
    const now = entries.filter((e) => e.promise === undefined || e.reaction?.pos !== undefined);
    const at = (/** @type {Item} */ e) => /** @type {number} */ (e.promise === undefined ? e.pos : e.reaction?.pos);
    if (handler === 'race' && now.length && now[0].promise === undefined) settleHidden(f, at(now[0]));
    if (handler === 'all' && entries.every((e) => e.promise === undefined)) settleHidden(f, Math.max(...entries.map(at)));
    return bind(f, promise);
  }

  /**
   * The panel's `timer(ms)`: a promise that a `setTimeout` resolves; in a
   * task the program aborts, `timer(ms, h1.signal)`: the abort clears the
   * timer, and a timer made after it is never set. Either way the promise
   * never settles.
   * @param {SleepStep} step
   * @param {StepPath} path
   * @param {LoopVars} vars the loops' counts and the helper's parameters here
   * @param {AbortSignal} [signal] its task's, if the program aborts it
   * @returns {Promise<void>}
   */
  function timer(step, path, vars, signal) {
    if (signal?.aborted) return bind(newFollowed('timer'), new Promise(() => {}));
    const timer = ++timerCount;
    const f = newFollowed('timer', { timer, label: step.label });
    const callback = forget ? /** @type {const} */ ({ callback: 'noop' }) : {};
    return bind(f, new Promise((resolve) => {
      const clear = rec.timer({ timer, label: step.label, step: path, ms: msOf(step, vars), ...callback }, () => {
        catchUp(Infinity);
        if (forget) return; // the panel's bug: nobody resolves it
        resolve();
        fulfil(f);
      });
      signal?.addEventListener('abort', clear);
    }));
  }

  /**
   * The panel's `console.log(text)`: no promise (undefined).
   * @param {Step & {type: 'log'}} step
   * @param {StepPath} path
   * @param {LoopVars} vars the counts of the loops around it
   */
  function log(step, path, vars) {
    rec.record('log', { text: logText(step, vars), step: path });
  }

  /**
   * The panel's `block(ms)`: a busy loop; no promise (undefined).
   * @param {Step & {type: 'block'}} step
   * @param {StepPath} path
   * @param {LoopVars} vars the loops' counts and the helper's parameters here
   */
  function block(step, path, vars) {
    rec.block({ ms: msOf(step, vars), step: path });
  }

  /**
   * A step whose value is no promise (a log, a block, a yield's `null`), as
   * render.rs `js_call`.
   * @param {Step} step
   */
  const isCall = (step) => step.type === 'log' || step.type === 'block' || step.type === 'yield' || step.type === 'abort';

  /**
   * A race's branches, as the panel writes them (render.rs, `has_arms`): a
   * branch with code of its own (a select! arm's body) is its future, then
   * `.then(() => i)`, its number, or an async function returning it.
   * @param {Step & {type: 'race'}} step
   * @param {StepPath} path
   * @param {LoopVars} vars the counts of the loops around it
   * @param {Scope} scope the block it is in
   * @param {(step: Step, path: StepPath, vars: LoopVars, scope: Scope) => Promise<unknown> | null | undefined} expr
   *   how a branch without a body is written
   * @param {(step: Step, path: StepPath, vars: LoopVars, scope: Scope, i: number) => Promise<unknown>} [numbered]
   *   how an async function returning `i` is (the await style); else a chain
   */
  function numberedRace(step, path, vars, scope, expr, numbered) {
    const items = step.steps.map((c, i) => {
      const at = childPath(path, i);
      if (c.type !== 'arm') return expr(c, at, vars, scope);
      const [future] = c.steps;
      const futureAt = childPath(at, 0);
      if (numbered && !isCall(future) && future.type !== 'sleep') return numbered(future, futureAt, vars, scope, i);
      const p = expr(future, futureAt, vars, scope);
      return then(isCall(future) ? resolved(p) : /** @type {Promise<unknown>} */ (p), at, () => i);
    });
    return combine('race', items, step.steps.map((_, i) => childPath(path, i)));
  }

  /**
   * The body of the race's winner `won`, if it has one, and its path.
   * @param {Step & {type: 'race'}} step
   * @param {StepPath} path
   * @param {unknown} won what the race settled with: a number from an arm;
   *   from a branch without a body, its own value (undefined or null)
   * @returns {[Step, StepPath] | null}
   */
  function armBody(step, path, won) {
    if (typeof won !== 'number') return null;
    const arm = step.steps[won];
    return arm.type === 'arm' ? [arm.steps[1], childPath(childPath(path, won), 1)] : null;
  }

  /**
   * A body that is one log or block (render.rs `one_call`): the `.then`
   * chain runs it as a statement, returning nothing.
   * @param {Step} body
   * @param {StepPath} at
   * @returns {[Step, StepPath] | null}
   */
  function oneCall(body, at) {
    if (body.type === 'seq' && body.steps.length === 1) return oneCall(body.steps[0], childPath(at, 0));
    return body.type === 'log' || body.type === 'block' ? [body, at] : null;
  }

  // ---- `.then` style: render.rs `then_expr` ----

  /**
   * The value of the step's expression in the panel: a promise, or undefined
   * for a log.
   * @param {Step} step
   * @param {StepPath} path
   * @param {LoopVars} vars the counts of the loops around it
   * @param {Scope} scope the function it is in: its handles (`let h1;` at
   *   its top), and the signal of its task if the program aborts that task
   * @returns {Promise<unknown> | null | undefined}
   */
  function thenExpr(step, path, vars, scope) {
    switch (step.type) {
      case 'sleep':
        return timer(step, path, vars, scope.signal);
      case 'log':
        log(step, path, vars);
        return undefined;
      case 'block':
        block(step, path, vars);
        return undefined;
      case 'yield':
        // `null`: a value, so the next `.then` callback runs one microtask later.
        return null;
      case 'seq': {
        // timer(200).then(() => timer(100)).then(...); a log first is
        // wrapped: Promise.resolve(console.log(...)); a spawn first (or
        // nothing) is a `.then` callback of its own, after Promise.resolve().
        // A `let` is declared above the chain (render.rs `promises`): the
        // chain is the other steps, and the texts read its number anywhere.
        const chained = step.steps.map((s, i) => /** @type {[Step, number]} */ ([s, i])).filter(([s]) => s.type !== 'let');
        const inside = [...vars, ...step.steps.flatMap((s) => (s.type === 'let' ? [/** @type {[string, number]} */ ([s.name, s.value])] : []))];
        const spawnsFirst = chained.length === 0 || chained[0][0].type === 'spawn';
        /** @type {Promise<unknown>} */
        let p;
        if (spawnsFirst) {
          p = resolved(undefined);
        } else {
          const [head, k] = chained[0];
          const first = thenExpr(head, childPath(path, k), inside, scope);
          p = isCall(head) ? resolved(first) : /** @type {Promise<unknown>} */ (first);
        }
        chained.slice(spawnsFirst ? 0 : 1).forEach(([next, i]) => {
          const at = childPath(path, i);
          p = then(p, at, () => thenExpr(next, at, inside, scope));
        });
        return p;
      }
      case 'spawn': {
        // `{ h1 = <the task's chain>; }`: it starts now; nothing waits. An
        // aborted task: `{ h1 = new AbortController(); <its chain>; }`.
        const controller = controllerOf(step);
        if (controller) scope.handles.set(/** @type {number} */ (step.handle), controller);
        const inTask = { handles: scope.handles, signal: controller?.signal };
        const task = /** @type {Promise<unknown>} */ (thenExpr({ type: 'seq', steps: step.steps }, path, vars, inTask));
        if (step.handle !== undefined && !controller) scope.handles.set(step.handle, task);
        return undefined;
      }
      case 'await_handle':
        // `.then(() => h1)`: the callback returns the task's promise.
        return /** @type {Promise<unknown>} */ (scope.handles.get(step.handle));
      case 'abort':
        // `h1.abort()`: its listeners clear the task's timers now.
        /** @type {AbortController} */ (scope.handles.get(step.handle)).abort();
        return undefined;
      case 'let':
        // Declared above the chain: nothing to chain.
        return resolved(undefined);
      case 'call': {
        // `brew(100)`: the helper function returns its chain, made now.
        const [body, at, params] = helper(scenario, step.name, step.args);
        return thenExpr(body, at, params, { handles: new Map(), signal: scope.signal });
      }
      case 'race':
        if (step.steps.some((c) => c.type === 'arm')) {
          // Promise.race([...]).then((won) => { if (won === 0) { ... } }).
          const race = step;
          return then(numberedRace(race, path, vars, scope, thenExpr), path, (won) => {
            const body = armBody(race, path, won);
            if (!body) return undefined;
            const call = oneCall(...body);
            if (call) return void thenExpr(...call, vars, scope);
            return thenExpr(...body, vars, scope);
          });
        }
        return combine(step.type, step.steps.map((c, i) => thenExpr(c, childPath(path, i), vars, scope)), step.steps.map((_, i) => childPath(path, i)));
      case 'all':
        return combine(step.type, step.steps.map((c, i) => thenExpr(c, childPath(path, i), vars, scope)), step.steps.map((_, i) => childPath(path, i)));
      case 'repeat': {
        // (function loop1(i) { if (i === times) return Promise.resolve();
        // return <body>.then(() => loop1(i + 1)); })(0): the `.then`
        // callback returns the next round's promise.
        /** @param {number} i @returns {Promise<unknown>} */
        const loop = (i) => {
          if (i === step.times) return resolved(undefined);
          // `let h1;` in the loop's function: each round's own.
          const round = { handles: new Map(), signal: scope.signal };
          const body = /** @type {Promise<unknown>} */ (thenExpr({ type: 'seq', steps: step.steps }, path, inRound(step, i, vars), round));
          return then(body, path, () => loop(i + 1));
        };
        return loop(0);
      }
      case 'create_then_await': {
        // (() => { const made = [...]; return made[0].then(() => made[1])...; })()
        const made = step.steps.map((c, i) => thenExpr(c, childPath(path, i), vars, scope));
        let p = isCall(step.steps[0]) ? resolved(made[0]) : /** @type {Promise<unknown>} */ (made[0]);
        made.slice(1).forEach((next, i) => {
          p = then(p, childPath(path, i + 1), () => next);
        });
        return p;
      }
      default:
        throw new Error(`unknown step type ${/** @type {Step} */ (step).type}`);
    }
  }

  // ---- async/await style: render.rs `await_statements`, `await_expr` ----

  /**
   * The statements a step is in a function body, as they run: a
   * sequence's steps, one after another, and a loop's, round after round,
   * in the same function (no call of its own).
   * @param {Step} step
   * @param {StepPath} path
   * @param {LoopVars} vars the counts of the loops around it
   * @returns {[Step, StepPath, LoopVars][]}
   */
  function statements(step, path, vars) {
    /** A sequence's statements; a `let` names its number for those after it.
     * @param {Step[]} steps @param {LoopVars} inside */
    const each = (steps, inside) => {
      let scope = inside;
      return steps.flatMap((s, i) => {
        if (s.type === 'let') scope = [...scope, [s.name, s.value]];
        return statements(s, childPath(path, i), scope);
      });
    };
    if (step.type === 'seq') return each(step.steps, vars);
    // A `for` loop runs its body's statements in the same function, round
    // after round; the loop itself queues nothing.
    if (step.type === 'repeat') {
      return Array.from({ length: step.times }, (_, round) => each(step.steps, inRound(step, round, vars))).flat();
    }
    return [[step, path, vars]];
  }

  /**
   * An async function whose body is the step's statements: `run()`, or an
   * `(async () => { ... })()` item. Each `await x` is written as
   * `const r = suspend(x, at); await x; resume(r);`: the same await of the
   * same value, recorded around.
   * @param {Step} step
   * @param {StepPath} path
   * @param {LoopVars} vars the counts of the loops around it
   * @param {AbortSignal | undefined} signal its task's, if the program aborts
   *   that task (its timers take it)
   * @param {number} [result] what it returns (a race's branch: its number)
   * @returns {Promise<unknown>}
   */
  function body(step, path, vars, signal, result) {
    const f = newFollowed('async');
    // The handles its blocks spawn (`const h1 = …`, each block's own; a
    // handle is used in its block only, validation).
    /** @type {Scope} */
    const scope = { handles: new Map(), signal };
    return bind(f, (async () => {
      // The job this part of the function runs in: none before its first
      // await (it runs in its caller's).
      /** @type {Reaction | null} */
      let job = null;
      /**
       * Before `await item`: the continuation is registered on `item`, and
       * the running job ends with the suspension.
       * @param {unknown} item
       * @param {StepPath} at
       */
      const suspend = (item, at) => {
        const r = { handler: /** @type {Handler} */ ('await'), step: at };
        register(item instanceof Promise ? followed.get(item) : undefined, r);
        if (job) ended(job);
        return r;
      };
      /** @param {Reaction} r */
      const resume = (r) => {
        started(r);
        job = r;
      };
      // The statements still to run, the next last: a race's winner puts
      // its arm's body on top.
      const todo = statements(step, path, vars).reverse();
      while (todo.length) {
        const [s, at, inside] = /** @type {[Step, StepPath, LoopVars]} */ (todo.pop());
        switch (s.type) {
          case 'sleep': {
            const item = timer(s, at, inside, signal);
            const r = suspend(item, at);
            await item;
            resume(r);
            break;
          }
          case 'log':
            log(s, at, inside);
            break;
          case 'block':
            block(s, at, inside);
            break;
          case 'let':
            // `const cups = 3;`: its number is in `inside` for what follows.
            break;
          case 'spawn': {
            // `const h1 = (async () => { … })();`: called now, it runs to
            // its first await, then this function goes on. An aborted
            // task: `const h1 = new AbortController();` first.
            const controller = controllerOf(s);
            if (controller) scope.handles.set(/** @type {number} */ (s.handle), controller);
            // `const h1 = brew(100);` (spawn(brew(100))): the call's own promise.
            const call = s.direct ? /** @type {Step & {type: 'call'}} */ (s.steps[0]) : null;
            const task = call
              ? body(...helper(scenario, call.name, call.args), controller?.signal)
              : body({ type: 'seq', steps: s.steps }, at, inside, controller?.signal);
            if (s.handle !== undefined && !controller) scope.handles.set(s.handle, task);
            break;
          }
          case 'abort':
            // `h1.abort();`: its listeners clear the task's timers now.
            /** @type {AbortController} */ (scope.handles.get(s.handle)).abort();
            break;
          case 'await_handle': {
            const item = scope.handles.get(s.handle);
            const r = suspend(item, at);
            await item;
            resume(r);
            break;
          }
          case 'call': {
            // `await brew();`: the async function runs to its first await,
            // then this one waits for its promise.
            const [called, calledAt, params] = helper(scenario, s.name, s.args);
            const item = body(called, calledAt, params, signal);
            const r = suspend(item, at);
            await item;
            resume(r);
            break;
          }
          case 'yield': {
            // `await null`: the function resumes in a microtask.
            const r = suspend(null, at);
            await null;
            resume(r);
            break;
          }
          case 'race':
            if (s.steps.some((c) => c.type === 'arm')) {
              // const won = await Promise.race([...]); if (won === 0) { ... }
              const item = numberedRace(s, at, inside, scope, awaitExpr, (c, cAt, cVars, cScope, i) => body(c, cAt, cVars, cScope.signal, i));
              const r = suspend(item, at);
              const won = await item;
              resume(r);
              const arm = armBody(s, at, won);
              if (arm) todo.push(...statements(...arm, inside).reverse());
              break;
            }
          // falls through: a race without arms is awaited as an all is
          case 'all': {
            const item = combine(s.type, s.steps.map((c, i) => awaitExpr(c, childPath(at, i), inside, scope)), s.steps.map((_, i) => childPath(at, i)));
            const r = suspend(item, at);
            await item;
            resume(r);
            break;
          }
          case 'create_then_await': {
            const made = s.steps.map((c, i) => awaitExpr(c, childPath(at, i), inside, scope));
            for (const [i, item] of made.entries()) {
              const r = suspend(item, childPath(at, i));
              await item;
              resume(r);
            }
            break;
          }
          default:
            throw new Error(`unknown step type ${s.type}`);
        }
      }
      // The return just below fulfils the function's promise.
      fulfil(f);
      if (job) ended(job);
      return result;
    })());
  }

  /**
   * A step as an array item: `timer(ms)`, `console.log(...)` or an async
   * function called at once.
   * @param {Step} step
   * @param {StepPath} path
   * @param {LoopVars} vars the counts of the loops around it
   * @param {Scope} scope the block it is in (its task's signal)
   * @returns {Promise<unknown> | null | undefined}
   */
  function awaitExpr(step, path, vars, scope) {
    switch (step.type) {
      case 'sleep':
        return timer(step, path, vars, scope.signal);
      case 'log':
        log(step, path, vars);
        return undefined;
      case 'block':
        block(step, path, vars);
        return undefined;
      case 'yield':
        return null;
      case 'call': {
        // `brew(100)`: the async function called, its promise the item.
        const [called, at, params] = helper(scenario, step.name, step.args);
        return body(called, at, params, scope.signal);
      }
      default:
        return body(step, path, vars, scope.signal);
    }
  }

  const [main, at] = entry(scenario);
  const top = { handles: new Map(), signal: undefined };
  return rec.script(() => (style === 'await' ? body(main, at, [], undefined) : Promise.resolve(thenExpr(main, at, [], top))));
}
