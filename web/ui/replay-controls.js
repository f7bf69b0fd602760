// Step back, Play (with speed), Step forward, and the scrubber. Arrow keys
// step and Space plays when focus is not in a form field.
import { qs } from '../dom.js';

/** @import { ReplayEntry } from '../types.js' */

export class ReplayControls {
  /** @param {ParentNode} root */
  constructor(root) {
    /** @type {HTMLButtonElement} */
    this.back = qs('#step-back', root);
    /** @type {HTMLButtonElement} */
    this.forward = qs('#step-forward', root);
    /** @type {HTMLButtonElement} */
    this.play = qs('#play', root);
    /** @type {HTMLSelectElement} */
    this.speed = qs('#speed', root);
    /** @type {HTMLInputElement} */
    this.scrubber = qs('#scrubber', root);
    /** @type {HTMLElement} */
    this.position = qs('#position', root);
  }

  /** @param {number} count */
  showRange(count) {
    this.scrubber.max = String(Math.max(0, count - 1));
    this.scrubber.disabled = count === 0;
  }

  /**
   * @param {number} position
   * @param {number} count
   * @param {ReplayEntry | undefined} entry
   */
  showPosition(position, count, entry) {
    this.scrubber.value = String(position);
    this.back.disabled = position <= 0;
    this.forward.disabled = position >= count - 1;
    this.position.textContent = entry
      ? `Event ${position + 1} of ${count}: ${entry.event.kind} in ${entry.laneName} at ${entry.time}`
      : 'No run yet';
  }

  /** @param {boolean} playing */
  showPlaying(playing) {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
  }

  speedFactor() {
    return Number(this.speed.value) || 1;
  }

  /**
   * @param {{back: () => void, forward: () => void, toggle: () => void, seek: (position: number) => void}} handlers
   */
  bind({ back, forward, toggle, seek }) {
    this.back.addEventListener('click', back);
    this.forward.addEventListener('click', forward);
    this.play.addEventListener('click', toggle);
    this.scrubber.addEventListener('input', () => seek(Number(this.scrubber.value)));
    document.addEventListener('keydown', (e) => {
      const target = /** @type {HTMLElement} */ (e.target);
      if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName) && e.target !== this.scrubber) return;
      if (target.isContentEditable) return; // the code editors: keys are for the text
      if (e.target === this.scrubber && e.key !== ' ') return; // the range handles arrows
      if (e.key === 'ArrowLeft') back();
      else if (e.key === 'ArrowRight') forward();
      else if (e.key === ' ') toggle();
      else return;
      e.preventDefault();
    });
  }
}
