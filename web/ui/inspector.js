// Inside the Rust lane: its tasks and their state machines' states, and
// (self-ref) where the future, s and borrowed live. Its queues and timers are
// beside its code (machinery.js).
import { qs, el } from '../dom.js';
import { hex } from '../replay/names.js';

/** @import { RustState } from '../types.js' */

export class Inspector {
  /** @param {ParentNode} root */
  constructor(root) {
    this.tasks = qs('#tasks', root);
    /** @type {HTMLElement} */
    this.memory = qs('#memory', root);
    /** The tasks the table shows, as JSON. */
    this.shownTasks = '';
  }

  /** @param {RustState} state */
  show(state) {
    // A step that leaves the tasks as they were touches nothing.
    const key = JSON.stringify(state.tasks);
    if (key !== this.shownTasks) {
      this.shownTasks = key;
      this.showTasks(state);
    }
    this.showMemory(state);
  }

  /** @param {RustState} state */
  showTasks(state) {
    if (!state.tasks.length) {
      this.tasks.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'No task yet: none has been spawned at this step.')));
      return;
    }
    this.tasks.replaceChildren(...state.tasks.map((t) => el(
      'tr', {},
      el('td', {}, `task ${t.id}`),
      el('td', {}, t.state),
      el('td', {}, String(t.polls)),
      el('td', {}, String(t.wakes)),
      el('td', {}, t.machine ? `${t.machine.variant}${t.machine.line === undefined ? '' : ` at line ${t.machine.line}`}` : '—'),
    )));
  }

  /**
   * `size` is the task's future's (its spawn event's): the lane's wrapper
   * around the program, not rustc's size for run() (the State machine has
   * that). It is known once the future was polled: its spawn came first.
   * @param {RustState} state
   */
  showMemory({ addresses, size, futureAddr }) {
    if (addresses.s === undefined || futureAddr === undefined) {
      this.memory.hidden = true;
      return;
    }
    const inside = addresses.s >= futureAddr && addresses.s < futureAddr + /** @type {number} */ (size);
    this.memory.hidden = false;
    this.memory.replaceChildren(
      el('li', {}, `The task's future (run()'s, inside a wrapper the page adds to record the run, so bigger than run()'s own size): ${hex(futureAddr)} to ${hex(futureAddr + /** @type {number} */ (size))} (${size} bytes), the same at every poll`),
      el('li', {}, `s lives at ${hex(addresses.s)}: ${inside ? 'inside the future' : 'outside the future'}`),
      el('li', {}, `borrowed points to ${hex(addresses.borrowed ?? 0)}${addresses.borrowed === addresses.s ? ': at s, inside the future itself' : ''}`),
    );
  }
}
