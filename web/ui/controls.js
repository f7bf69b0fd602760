// The scenario controls: Example, one input per timer, Clock, Promise style,
// and the inline error; and, in the bar that stays in view, Run (also
// Ctrl+Enter or Cmd+Enter anywhere on the page, the editor included) and the
// line saying what the views show. The view reports edits; the app decides.
import { qs, el } from '../dom.js';

/** @import { PageOptions } from '../types.js' */

export class Controls {
  /** @param {ParentNode} root */
  constructor(root) {
    this.root = root;
    /** @type {HTMLSelectElement} */
    this.example = qs('#example', root);
    /** @type {HTMLElement} */
    this.explanation = qs('#explanation', root);
    /** @type {HTMLButtonElement} Read more / Read less, for a long explanation */
    this.explanationMore = qs('#explanation-more', root);
    this.explanationMore.addEventListener('click', () => this.foldExplanation(this.explanationMore.getAttribute('aria-expanded') === 'true'));
    // After a layout (a new text, a narrower window): is there more to read?
    new ResizeObserver(() => this.offerMore()).observe(this.explanation);
    /** @type {HTMLElement} */
    this.timings = qs('#timings-list', root);
    /** @type {HTMLButtonElement} */
    this.add = qs('#add-timer', root);
    /** @type {HTMLButtonElement} */
    this.remove = qs('#remove-timer', root);
    /** @type {HTMLButtonElement} */
    this.run = qs('#run');
    /** Run is being pressed (its click has not come yet). */
    this.pressingRun = false;
    /** @type {HTMLElement} */
    this.status = qs('#program-status');
    /** @type {HTMLButtonElement} */
    this.reset = qs('#reset', root);
    /** @type {HTMLButtonElement} */
    this.undoReset = qs('#undo-reset', root);
    /** @type {HTMLElement} */
    this.resetSaid = qs('#reset-said', root);
    /** @type {HTMLElement} */
    this.error = qs('#error', root);
    /** @type {{id: string, name: string}[]} */
    this.presets = [];
    /** The message shown is an error the program cannot run with (not a
     * link's refused part, not a trap that Run restarts from). */
    this.blocked = false;
    /** @type {HTMLElement} */
    this.inThisRun = qs('#in-this-run', root);
  }

  /** @param {{id: string, name: string}[]} presets */
  showPresets(presets) {
    this.presets = presets;
    this.example.replaceChildren(...presets.map((p) => el('option', { value: p.id }, p.name)));
  }

  /**
   * Marks the examples whose changes the page keeps: choosing one brings
   * them back.
   * @param {string[]} ids
   */
  showKept(ids) {
    for (const { id, name } of this.presets) {
      const option = /** @type {HTMLOptionElement} */ (this.example.querySelector(`option[value="${id}"]`));
      option.textContent = ids.includes(id) ? `${name} (your changes)` : name;
    }
  }

  /**
   * @param {string} id a preset's, or 'custom' (an option there only then)
   * @param {string | undefined} explanation
   */
  showExample(id, explanation) {
    const custom = this.example.querySelector('option[value="custom"]');
    if (id === 'custom' && !custom) this.example.append(el('option', { value: 'custom' }, 'Custom'));
    if (id !== 'custom') custom?.remove();
    this.example.value = id;
    if (this.explanation.textContent !== (explanation ?? '')) {
      this.explanation.textContent = explanation ?? '';
      this.foldExplanation(true);
      // Three lines before as after keep the box's size: no resize to say so.
      requestAnimationFrame(() => this.offerMore());
    }
  }

  /**
   * Shows the explanation's first three lines only, or all of it.
   * @param {boolean} folded
   */
  foldExplanation(folded) {
    this.explanation.classList.toggle('folded', folded);
    this.explanationMore.setAttribute('aria-expanded', String(!folded));
    this.explanationMore.textContent = folded ? 'Read more' : 'Read less';
  }

  /** Read more only where the folded explanation hides some of it (and
   * Read less while it is unfolded). */
  offerMore() {
    const folded = this.explanation.classList.contains('folded');
    this.explanationMore.hidden = folded && this.explanation.scrollHeight <= this.explanation.clientHeight + 1;
  }

  /**
   * The last run's figures, and whether that run was of the program shown.
   * @param {string} figures what follows "In this run, " (replay/in-this-run.js)
   * @param {boolean} current
   */
  showRun(figures, current) {
    this.inThisRun.textContent = current ? `In this run, ${figures}`
      : `In the last run, before your edit (press Run to run the edited program), ${figures}`;
    this.inThisRun.toggleAttribute('data-stale', !current);
  }

  /**
   * One number input per timer, named "<label> (ms)".
   * @param {{label: string, ms: number}[]} timers
   * @param {{canAdd: boolean, canRemove: boolean}} can
   */
  showTimers(timers, { canAdd, canRemove }) {
    this.timings.replaceChildren(...timers.map(({ label, ms }, i) => {
      const input = el('input', {
        type: 'number', min: 0, max: 60000, step: 1, value: ms, inputmode: 'numeric',
        id: `timing-${i}`, 'aria-describedby': 'error',
      });
      input.dataset.index = String(i);
      return el('div', { class: 'timing' }, el('label', { for: `timing-${i}` }, `${label} (ms)`), input);
    }));
    this.add.hidden = !canAdd;
    this.remove.hidden = !canRemove;
  }

  /** The raw input values: numbers, null where the field is empty, and the
   * text where it is not a number (validation names each). A number field
   * with letters in it reads as empty, so `validity.badInput` tells them apart.
   * @returns {(number | string | null)[]}
   */
  timingValues() {
    return [...this.timings.querySelectorAll('input')].map((input) => {
      const text = input.value.trim();
      if (input.validity.badInput || (text !== '' && Number.isNaN(Number(text)))) return text;
      return text === '' ? null : Number(text);
    });
  }

  /**
   * "Timer 1 (ms)" for `timings[0]`, as the inputs are named.
   * @param {number} index
   */
  fieldName(index) {
    return this.timings.querySelectorAll('label')[index]?.textContent ?? `timings[${index}]`;
  }

  /**
   * @param {PageOptions} options
   * @param {boolean} [draws] whether the program draws at random (a
   *   `select!` without `biased;`): only then is the seed shown
   */
  showOptions({ clock, promiseStyle, seed, compare }, draws = false) {
    /** @type {HTMLInputElement} */ (qs(`input[name="clock"][value="${clock}"]`, this.root)).checked = true;
    /** @type {HTMLInputElement} */ (qs('#compare', this.root)).checked = compare;
    /** @type {HTMLInputElement} */ (qs(`input[name="style"][value="${promiseStyle}"]`, this.root)).checked = true;
    const input = /** @type {HTMLInputElement} */ (qs('#seed', this.root));
    // Not while it is being typed in: the field keeps what was typed.
    if (document.activeElement !== input) input.value = String(seed);
    /** @type {HTMLElement} */ (qs('#seed-field', this.root)).hidden = !draws;
  }

  /**
   * The checked radio buttons, the seed and the comparison (the markup's values are the
   * allowed ones; a seed out of range is refused where it is read, in the
   * playground's options, with its range).
   * @returns {PageOptions}
   */
  options() {
    const seed = /** @type {HTMLInputElement} */ (qs('#seed', this.root)).value;
    return /** @type {PageOptions} */ ({
      clock: /** @type {HTMLInputElement} */ (qs('input[name="clock"]:checked', this.root)).value,
      promiseStyle: /** @type {HTMLInputElement} */ (qs('input[name="style"]:checked', this.root)).value,
      seed: seed.trim() === '' ? Number.NaN : Number(seed),
      compare: /** @type {HTMLInputElement} */ (qs('#compare', this.root)).checked,
    });
  }

  /**
   * An error names the field and the allowed range; Run waits until fixed.
   * @param {string | null} message
   */
  showError(message) {
    this.say(message, true);
  }

  /**
   * What a link asked for and did not get (each part said, naming it): the
   * page shows what it could open instead, which runs, so Run stays on and
   * no field is marked.
   * @param {string} message
   */
  showLinkProblem(message) {
    this.say(message, false);
  }

  /**
   * @param {string | null} message
   * @param {boolean} blocking the program as it is cannot run
   */
  say(message, blocking) {
    const named = message?.replace(/timings\[(\d+)\]/g, (_, i) => this.fieldName(Number(i)));
    this.error.textContent = named ?? '';
    this.error.hidden = !message;
    this.blocked = blocking && Boolean(message);
    this.run.disabled = this.blocked;
    for (const input of this.timings.querySelectorAll('input')) {
      const bad = blocking && Boolean(message) && /** @type {string} */ (message).includes(`timings[${input.dataset.index}]`);
      input.setAttribute('aria-invalid', String(bad));
    }
  }

  /** @param {(id: string) => void} handler */
  bindExample(handler) {
    this.example.addEventListener('change', () => {
      if (this.example.value !== 'custom') handler(this.example.value);
    });
  }

  /** @param {() => void} handler */
  bindReset(handler) {
    this.reset.addEventListener('click', handler);
  }

  /** @param {() => void} handler */
  bindUndoReset(handler) {
    this.undoReset.addEventListener('click', handler);
  }

  /**
   * Offers Undo reset, saying that Reset discarded the learner's changes;
   * or takes it away.
   * @param {boolean} offered
   */
  offerUndoReset(offered) {
    if (this.undoReset.hidden === !offered) return;
    this.undoReset.hidden = !offered;
    this.resetSaid.textContent = offered
      ? 'Reset put back the original example. Undo reset brings back what you had, until you change the program again.' : '';
  }

  /** @param {(values: (number | string | null)[]) => void} handler */
  bindTimings(handler) {
    this.timings.addEventListener('input', () => handler(this.timingValues()));
  }

  /** @param {(options: PageOptions) => void} handler */
  bindOptions(handler) {
    this.root.addEventListener('change', (e) => {
      const { name, id } = /** @type {HTMLInputElement} */ (e.target);
      if (name === 'clock' || name === 'style' || id === 'seed' || id === 'compare') handler(this.options());
    });
    // A new seed: the next one, so a learner can step through them.
    qs('#new-seed', this.root).addEventListener('click', () => {
      const input = /** @type {HTMLInputElement} */ (qs('#seed', this.root));
      const seed = Number(input.value);
      input.value = String(Number.isInteger(seed) && seed >= 0 && seed < 0xffff_ffff ? seed + 1 : 0);
      handler(this.options());
    });
  }

  /**
   * @param {() => void} onAdd
   * @param {() => void} onRemove
   */
  bindAddRemove(onAdd, onRemove) {
    this.add.addEventListener('click', onAdd);
    this.remove.addEventListener('click', onRemove);
  }

  /**
   * What the views show, in one line beside Run.
   * @param {string} text
   * @param {'current' | 'stale' | 'problem' | 'running'} state
   */
  showStatus(text, state) {
    if (this.status.textContent !== text) this.status.textContent = text;
    this.status.dataset.state = state;
  }

  /** @param {() => void} handler */
  bindRun(handler) {
    this.run.addEventListener('click', handler);
    // From a press on Run to its release (or the press's end elsewhere):
    // `pressingRun` (App's editor blur reads it).
    this.run.addEventListener('pointerdown', () => {
      this.pressingRun = true;
      document.addEventListener('pointerup', () => setTimeout(() => { this.pressingRun = false; }), { once: true, capture: true });
      document.addEventListener('pointercancel', () => { this.pressingRun = false; }, { once: true, capture: true });
    });
    // Capture: before the editor, whose own Ctrl+Enter would insert a line.
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      e.stopPropagation();
      // Even while Run is disabled: the text just typed may fix the error.
      handler();
    }, { capture: true });
    // Enter in a timing runs with it, as a form's field submits it.
    this.timings.addEventListener('keydown', (e) => {
      // Not held down (each repeat would restart the run), nor an input method's Enter.
      if (e.key !== 'Enter' || e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      handler();
    });
  }
}
