// The State machine beside the Rust lane's code: the enum rustc makes of the
// panel's `async fn run()`, one variant per line, the live one marked
// `aria-current="step"` as the replay moves; and the future's size.
// state-machine.js says what is live and words it.
import { qs, el } from '../dom.js';
import { variantText, variantComment, sizeText } from '../state-machine.js';

/** @import { StateMachine } from '../types.js' */

export class StateMachineView {
  /** @param {ParentNode} root */
  constructor(root) {
    this.list = qs('#state-variants', root);
    this.size = qs('#state-size', root);
    /** @type {Map<string, HTMLElement>} */
    this.items = new Map();
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
