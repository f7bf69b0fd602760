// The scenario controls: Example, one input per timer, Clock, Promise style,
// Run, and the inline error. The view reports edits; the app decides.
import { qs, el } from '../dom.js';

export class Controls {
  constructor(root) {
    this.root = root;
    this.example = qs('#example', root);
    this.explanation = qs('#explanation', root);
    this.timings = qs('#timings-list', root);
    this.add = qs('#add-timer', root);
    this.remove = qs('#remove-timer', root);
    this.run = qs('#run', root);
    this.error = qs('#error', root);
  }

  showPresets(presets) {
    this.example.replaceChildren(...presets.map((p) => el('option', { value: p.id }, p.name)));
  }

  showExample(id, explanation) {
    this.example.value = id;
    this.explanation.textContent = explanation ?? '';
  }

  /** One number input per timer, named "<label> (ms)". */
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

  /** The raw input values: numbers, or null where the field is empty or
   * not a number (validation names it). */
  timingValues() {
    return [...this.timings.querySelectorAll('input')].map((input) => {
      const text = input.value.trim();
      return text === '' || Number.isNaN(Number(text)) ? null : Number(text);
    });
  }

  /** "Timer 1 (ms)" for `timings[0]`, as the inputs are named. */
  fieldName(index) {
    return this.timings.querySelectorAll('label')[index]?.textContent ?? `timings[${index}]`;
  }

  showOptions({ clock, promiseStyle }) {
    qs(`input[name="clock"][value="${clock}"]`, this.root).checked = true;
    qs(`input[name="style"][value="${promiseStyle}"]`, this.root).checked = true;
  }

  options() {
    return {
      clock: qs('input[name="clock"]:checked', this.root).value,
      promiseStyle: qs('input[name="style"]:checked', this.root).value,
    };
  }

  /** An error names the field and the allowed range; Run waits until fixed. */
  showError(message) {
    const named = message?.replace(/timings\[(\d+)\]/g, (_, i) => this.fieldName(Number(i)));
    this.error.textContent = named ?? '';
    this.error.hidden = !message;
    this.run.disabled = Boolean(message);
    for (const input of this.timings.querySelectorAll('input')) {
      const bad = Boolean(message) && message.includes(`timings[${input.dataset.index}]`);
      input.setAttribute('aria-invalid', String(bad));
    }
  }

  bindExample(handler) {
    this.example.addEventListener('change', () => handler(this.example.value));
  }

  bindTimings(handler) {
    this.timings.addEventListener('input', () => handler(this.timingValues()));
  }

  bindOptions(handler) {
    this.root.addEventListener('change', (e) => {
      if (e.target.name === 'clock' || e.target.name === 'style') handler(this.options());
    });
  }

  bindAddRemove(onAdd, onRemove) {
    this.add.addEventListener('click', onAdd);
    this.remove.addEventListener('click', onRemove);
  }

  bindRun(handler) {
    this.run.addEventListener('click', handler);
  }
}
