// Seeded random scenarios for the end-to-end tests (the same programs in every
// spec that uses them, so a failure repeats): valid, at most depth 4, 3
// children a step, unique labels, some blocks, yields and loops (of 0 to 3
// rounds, so no program runs more steps than a run may), some spawns, some
// select! arms with a body of one or two leaves, some loops whose logs read
// their count, some helper async fns called once or twice (some with a
// parameter), some numbers named by `let` that later texts read.

/** A small seeded generator (xorshift32): `next(below)` is in 0..below. */
export function random(seed) {
  let x = seed;
  return (below) => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x % below;
  };
}

/** A random valid scenario drawn from `next`. */
export function scenario(next) {
  let names = 0;
  const step = (depth) => {
    names += 1;
    const kind = depth >= 4 ? next(2) : next(6);
    if (kind === 0 && next(4) === 0) return { type: 'block', ms: [0, 10, 30][next(3)] };
    if (kind === 0 && next(5) === 0) return { type: 'yield' };
    if (kind === 0) return { type: 'log', text: `log ${names}` };
    if (kind === 1) return { type: 'sleep', label: `Timer ${names}`, ms: [0, 10, 20, 20, 50, 100][next(6)] };
    const steps = Array.from({ length: 1 + next(3) }, () => step(depth + 1));
    if (kind === 5 && next(3) === 0) {
      // Half the loops name their count, and about half the logs in them read it.
      if (next(2) > 0) return { type: 'repeat', times: next(4), steps };
      const name = `r${names}`;
      /** @param {any} s */
      const read = (s) => {
        if (s.type === 'log' && next(2) === 0) Object.assign(s, { text: `${s.text} {${name}}`, format: true });
        (s.steps ?? []).forEach(read);
      };
      steps.forEach(read);
      // Some count with a `while` or a `loop` (which runs at least once).
      const style = ['for', 'while', 'loop'][next(3)];
      const times = style === 'loop' ? 1 + next(3) : next(4);
      return { type: 'repeat', times, var: name, ...(style === 'for' ? {} : { style }), steps };
    }
    if (kind === 4) {
      const arm = (/** @type {object} */ future) => ({ type: 'arm', steps: [future,
        { type: 'seq', steps: Array.from({ length: 1 + next(2) }, () => step(4)) }] });
      const random = next(3) === 0 ? { random: true } : {}; // select! without biased;
      return { type: 'race', ...random, steps: steps.map((s) => (next(3) === 0 ? arm(s) : s)) };
    }
    // Half the joins of sleeps only are `join_all(vec![…])`s.
    const vec = kind === 3 && names % 2 === 0 && steps.every((s) => s.type === 'sleep') ? { join_all: true } : {};
    return { type: ['seq', 'all', 'race', 'create_then_await'][kind - 2], ...vec, steps };
  };
  const steps = Array.from({ length: 1 + next(4) }, () => step(2));
  // An arm, then a spawn, may nest a step too deep: draw again.
  /** @param {any} s @returns {number} */
  const depth = (s) => 1 + Math.max(0, ...(s.steps ?? []).map(depth));
  // Some spawn one of their steps as a task, awaited by its handle later,
  // aborted later, or neither.
  if (next(3) === 0) {
    const i = next(steps.length);
    const use = next(4);
    steps[i] = { type: 'spawn', ...(use > 0 ? { handle: 1 } : {}), steps: [steps[i]] };
    const using = use === 3 ? 'abort' : 'await_handle';
    if (use > 0) steps.splice(i + 1 + next(steps.length - i), 0, { type: using, handle: 1 });
  }
  // Some name a number first, `let n = 7;`, which about half the later
  // texts of run() read (before any step moves into a helper, which cannot
  // read it: so only when none does).
  const letName = `n${names}`;
  const withLet = next(4) === 0;
  if (withLet) {
    /** @param {any} s */
    const read = (s) => {
      if (s.type === 'log' && next(2) === 0) Object.assign(s, { text: `${s.text} {${letName}}`, format: true });
      (s.steps ?? []).forEach(read);
    };
    steps.forEach(read);
    // A `let` no text reads is one rustc warns of: one does.
    steps.push({ type: 'log', text: `{${letName}} in all`, format: true });
    steps.unshift({ type: 'let', name: letName, value: [0, 7, 42][next(3)] });
  }
  // Some move one of run()'s steps (not a spawn or a use of its handle, whose
  // pair stays) into a helper async fn, called where it stood, and some call
  // it a second time, at the end: awaited, or spawned as it is,
  // `spawn(part3(10))`.
  const i = next(steps.length);
  if (!withLet && next(4) === 0 && !['spawn', 'await_handle', 'abort'].includes(steps[i].type)) {
    const name = `part${names}`;
    const body = steps[i].type === 'seq' ? steps[i].steps : [steps[i]];
    // Half take their first sleep's delay as a parameter, `ms`, which a
    // text may read too; each call passes its own.
    /** @type {any} */
    const first = next(2) === 0 ? findSleep(body) : null;
    const args = first ? [first.ms] : [];
    if (first) {
      delete first.ms;
      first.param = 'ms';
      const log = findLog(body);
      if (log && next(2) === 0) Object.assign(log, { text: `${log.text} {ms}`, format: true });
    }
    steps[i] = { type: 'call', name, args };
    if (next(2) === 0) {
      const again = { type: 'call', name, args: args.map(() => [0, 10, 30][next(3)]) };
      steps.push(next(2) === 0 ? again : { type: 'spawn', steps: [again], direct: true });
    }
    const params = first ? { params: ['ms'] } : {};
    const fns = [{ type: 'async_fn', name: 'run', steps }, { type: 'async_fn', name, ...params, steps: body }];
    if (next(2) === 0) fns.reverse();
    const module = { type: 'module', steps: fns };
    return depth(module) > 7 ? scenario(next) : module;
  }
  const root = { type: 'seq', steps };
  return depth(root) > 6 ? scenario(next) : root;
}

/**
 * The first sleep (or log) in `steps`, in reading order.
 * @param {any[]} steps
 * @param {string} [type]
 * @returns {any}
 */
function findSleep(steps, type = 'sleep') {
  for (const s of steps) {
    if (s.type === type) return s;
    const inside = findSleep(s.steps ?? [], type);
    if (inside) return inside;
  }
  return null;
}

/** @param {any[]} steps */
const findLog = (steps) => findSleep(steps, 'log');
