// The State machine beside the Rust lane's code: the enum rustc makes of the
// panel's `async fn run()`, one variant per line, the live one marked
// `aria-current="step"` as the replay moves (the replay model knows which,
// from the Rust lane's `state` events: Unresumed before the first); and the
// future's size.
import { qs, el } from '../dom.js';

/** @import { StateMachine } from '../types.js' */

/**
 * A variant as the enum's source would write it: `Suspend0 { __awaitee: Sleep }`.
 * @param {StateMachine['variants'][number]} variant
 */
function variantText({ name, fields }) {
  if (fields.length === 0) return name;
  return `${name} { ${fields.map((f) => `${f.name}: ${f.type}`).join(', ')} }`;
}

/** What each variant without a line means, as a trailing comment. */
const MEANING = {
  Unresumed: 'made, not polled yet: the body has not started',
  Returned: 'run() has finished',
  Panicked: 'a poll panicked (crashed) part-way; no program here panics',
};

/**
 * The comment after a variant: its `.await`'s line, or what it means.
 * @param {StateMachine['variants'][number]} variant
 */
function variantComment({ name, line }) {
  if (line !== null) return `suspended at line ${line}`;
  return MEANING[/** @type {keyof typeof MEANING} */ (name)] ?? '';
}

/**
 * The size sentence: rustc's figure, or why the page has none.
 * @param {StateMachine} machine
 */
function sizeText({ size, lane_runs_it: laneRunsIt, variants }) {
  // This playground's join! and select! box their branches: the bytes
  // counted hold a pointer to each, not the branch (tokio's do not box).
  const boxed = variants.some((v) => v.fields.some((f) => f.type.includes('Box<')))
    ? ' Here it waits on a join! or select!, whose branches this playground keeps on the heap, each in a box, listed '
      + 'in a Vec: the future holds only the Vec (a pointer and two counts), and the branches\' own bytes are not counted '
      + 'here (tokio\'s join! and select! keep their branches inline, so there they would be).'
    : '';
  const fixed = 'Its size is fixed when it is compiled, and never grows: each local kept across an .await has its '
    + 'place in it (locals never kept at the same time may share one), and a future it .awaits is stored inside it '
    + `(a spawned one is not).${boxed}`;
  if (size !== null && laneRunsIt) {
    return `size_of: ${size} bytes: all the memory one run() future takes, as rustc lays it out for WebAssembly `
      + '(measured with size_of_val(&run())). This example\'s code, with any timings and texts, was compiled into '
      + `the page, and the lane runs that very future. ${fixed}`;
  }
  if (size !== null) {
    return `size_of: ${size} bytes: all the memory one run() future takes, as rustc lays it out for WebAssembly `
      + '(measured with size_of_val(&run()) on this code, compiled into the page). The lane runs this example as its own '
      + 'async fn: a version of this code that takes the timing and text as arguments, which its future stores too, so '
      + 'the task\'s future in the replay is larger (with what the page wraps around it to record its states). ' + fixed;
  }
  return 'size_of: not known for this program. The page can measure only the examples (with any timings and '
    + 'texts), which were compiled into it in advance. This one has another shape (a timer added, or code you wrote): '
    + 'the page runs it from futures it already has, combined as the code says, so rustc never laid it out.';
}


/**
 * A helper's size, where the page has rustc's, and which future holds it:
 * each `async fn` whose enum has a field of the helper's type (its
 * `__awaitee` while it waits at `brew(…).await`), read from the enums.
 * @param {StateMachine['helpers'][number]} helper
 * @param {StateMachine} machine
 */
function helperSize({ name, size, variants }, machine) {
  if (size === null) return [];
  const call = `${name}(${variants[0].fields.length > 0 ? '…' : ''})`;
  const type = `{async fn body of ${name}()}`;
  /** How many states of `variants` hold this helper's future. */
  const states = (/** @type {StateMachine['variants']} */ variants) => variants.filter((v) => v.fields.some((f) => f.type === type)).length;
  const holders = [{ name: 'run', size: machine.size, variants: machine.variants }, ...machine.helpers.filter((h) => h.name !== name)]
    .map((h) => ({ ...h, states: states(h.variants) }))
    .filter((h) => h.states > 0);
  const code = (/** @type {string} */ text) => el('code', {}, text);
  const held = holders.flatMap((h) => {
    const shared = h.states > 1
      ? [` Its ${h.states} states that wait on `, code(call), ' keep that future in the same bytes: they never exist at once.']
      : [];
    return [' ', code(`${h.name}()`), '\'s future', h.size === null ? '' : ` (${h.size} bytes)`, ' holds it in ', code('__awaitee'),
      ' while it waits at ', code(`${call}.await`), ', so its size counts these bytes: awaiting an ', code('async fn'),
      ' allocates nothing.', ...shared];
  });
  return [el('p', { class: 'size' },
    `size_of: ${size} bytes: `, code(`size_of_val(&${call})`), ' in this program compiled to WebAssembly (wasm32) '
    + 'for this page, as rustc lays it out (other targets may differ).', ...held)];
}

/**
 * A helper `async fn`'s own enum, and where its future lives: inside the
 * future of the function that awaits it.
 * @param {StateMachine['helpers'][number]} helper
 * @param {StateMachine} machine
 */
function helperEnum(helper, machine) {
  const { name, variants } = helper;
  const type = `${name[0].toUpperCase()}${name.slice(1).replace(/_(.)/g, (_, c) => c.toUpperCase())}Future`;
  const stored = variants[0].fields.length > 0;
  const meaning = {
    Unresumed: stored
      ? `called: its arguments are stored, and ${name}() has not started`
      : `made, not polled yet: ${name}() has not started`,
    Returned: `${name}() has finished`,
    Panicked: MEANING.Panicked,
  };
  const code = (/** @type {string} */ text) => el('code', {}, text);
  const signature = `async fn ${name}(${variants[0].fields.map((f) => `${f.name}: ${f.type}`).join(', ')})`;
  return el('div', { class: 'helper' },
    el('p', { class: 'twin' },
      code(signature), ' has an enum of its own. Its type cannot be written in code; rustc\'s messages print it as ',
      code(`{async fn body of ${name}()}`), ', and this page calls it ', code(type), '. Each call ',
      code(`${name}(…)`), ' makes a new future of this type, which runs nothing until polled'
      + (stored ? ' (rustc keeps the stored arguments in every state; they are shown in Unresumed only)' : '')
      + '. While a caller waits at ', code(`${name}(…).await`), ', the future is stored inside the caller\'s own, in the field ',
      code('__awaitee'), ' (the future being awaited); inside this playground\'s ', code('join!'), ' or ', code('select!'),
      ', in a heap box that the macro\'s future owns (tokio\'s keep it inline, in that future, without a box). As the replay moves, only run()\'s enum above marks its current variant; '
      + 'this one is not marked.'),
    el('div', { class: 'enum' },
      code(`enum ${type} {`),
      el('ol', { class: 'variants', 'aria-label': `Variants of ${name}()'s future` },
        ...variants.map((v) => el('li', {},
          code(`${variantText(v)},`),
          ' ',
          el('span', { class: 'comment' }, `// ${v.line !== null ? `suspended at line ${v.line}` : meaning[/** @type {keyof typeof meaning} */ (v.name)] ?? ''}`)))),
      code('}')),
    ...helperSize(helper, machine));
}

/**
 * A spawned task's future, an `async` block: its own enum, owned by the
 * executor (the task), not stored inside the future that spawned it.
 * @param {StateMachine['tasks'][number]} task
 */
function taskEnum({ line, handle, aborted, variants }) {
  const type = `Block${line}Future`;
  const captured = variants[0].fields.map((f) => f.name);
  const stored = captured.length > 0;
  const meaning = {
    Unresumed: stored ? 'spawned, not polled yet: holds what it captured, no code has run' : 'spawned, not polled yet: no code has run',
    Returned: 'ran to its end',
    Panicked: MEANING.Panicked,
  };
  const code = (/** @type {string} */ text) => el('code', {}, text);
  /** @param {string[]} names */
  const listed = (names) => names.flatMap((n, i) => [i === 0 ? '' : i === names.length - 1 ? ' and ' : ', ', code(n)]);
  const kept = handle ? [' (which keeps only the handle ', code(handle), ')'] : [];
  const captures = stored
    ? [' It captures ', ...listed(captured), ' (', code('async move'), ' copies in what the block reads): each time line ', String(line),
      ' runs, a new task gets its own copy. rustc stores captures once, shared by all the states; they are shown under Unresumed only.']
    : [];
  const abort = aborted && handle ? [' ', code(`${handle}.abort()`), ' drops the task in whatever state it is in; no variant records that.'] : [];
  return el('div', { class: 'helper' },
    el('p', { class: 'twin' },
      'The task spawned on line ', String(line), ' is an ', code('async'), ' block, with an enum of its own. Its type has no name '
      + 'you can write; rustc\'s messages print it as ', code('{async block@…}'), ', and this page calls it ', code(type), '. ',
      code('spawn'), ' moves it into the executor, which polls it as a task of its own; it is not stored inside the future that '
      + 'spawned it', ...kept, '. Unlike a JS promise, it runs nothing until the executor first polls it.', ...captures, ...abort,
      ' The replay marks only run()\'s current variant, not this one\'s.'),
    el('div', { class: 'enum' },
      code(`enum ${type} {`),
      el('ol', { class: 'variants', 'aria-label': `Variants of the future of the task spawned on line ${line}` },
        ...variants.map((v) => el('li', {},
          code(`${variantText(v)},`),
          ' ',
          el('span', { class: 'comment' }, `// ${v.line !== null ? `suspended at line ${v.line}` : meaning[/** @type {keyof typeof meaning} */ (v.name)] ?? ''}`)))),
      code('}')));
}

export class StateMachineView {
  /** @param {ParentNode} root */
  constructor(root) {
    this.list = qs('#state-variants', root);
    /** @type {HTMLElement} `enum RunFuture { … }`, hidden while there is none */
    this.enumBox = /** @type {HTMLElement} */ (this.list.parentElement);
    this.size = qs('#state-size', root);
    this.helpers = qs('#state-helpers', root);
    /** @type {Map<string, HTMLElement>} */
    this.items = new Map();
  }

  /**
   * No enum (yet): the module that reads it from the code arrives just
   * after the first run; or it did not arrive.
   * @param {string} note
   */
  showNote(note) {
    this.items = new Map();
    this.list.replaceChildren();
    this.enumBox.hidden = true;
    this.helpers.replaceChildren();
    this.size.textContent = note;
  }

  /** @param {StateMachine} machine */
  showMachine(machine) {
    this.items = new Map(machine.variants.map((v) => [v.name, el(
      'li', { dataset: { variant: v.name } },
      el('code', {}, `${variantText(v)},`),
      ' ',
      el('span', { class: 'comment' }, `// ${variantComment(v)}`),
    )]));
    this.list.replaceChildren(...this.items.values());
    this.enumBox.hidden = false;
    this.helpers.replaceChildren(...machine.helpers.map((h) => helperEnum(h, machine)), ...machine.tasks.map(taskEnum));
    this.size.textContent = sizeText(machine);
  }

  /** @param {string} name the live variant */
  showCurrent(name) {
    for (const [variant, item] of this.items) {
      if (variant === name) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
  }
}
