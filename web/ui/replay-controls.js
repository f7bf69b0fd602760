// Step back, Play (with speed), Step forward, and the scrubber. ← and → step
// wherever the focus is, but in a field that takes them itself (a text or
// number field, a radio group, a select, the code editor, the scrubber, and
// the timeline, whose arrows move between its marks: a trace list's row
// moves with ↑ and ↓, so ← and → step there too); Home and End go to the
// first and last event from a button of the replay's bar (elsewhere they
// scroll, or the focused control takes them); Space plays where it would do
// nothing else.
import { qs, el } from '../dom.js';
import { stepFrom } from '../replay/steps.js';
import { LANE_NAMES } from '../replay/merge.js';
import { inWords } from './trace-words.js';

/** @import { Snapshot, ShownLane } from '../types.js' */

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
    /** @type {HTMLSelectElement} Step through: every lane, or one */
    this.stepLane = qs('#step-lane', root);
  }

  /** The lane the steps follow; '' for every lane.
   * @returns {ShownLane | ''} */
  lane() {
    return /** @type {ShownLane | ''} */ (this.stepLane.value);
  }

  /**
   * Step through's choices: every lane, or one of those the run has (the
   * one followed stays chosen if the new run has it).
   * @param {ShownLane[]} lanes
   */
  showLanes(lanes) {
    const followed = lanes.includes(/** @type {ShownLane} */ (this.stepLane.value)) ? this.stepLane.value : '';
    this.stepLane.replaceChildren(el('option', { value: '' }, 'Every lane'),
      ...lanes.map((lane) => el('option', { value: lane }, `${LANE_NAMES[lane]} only`)));
    this.stepLane.value = followed;
    // One lane (an embed's): nothing to choose.
    /** @type {HTMLElement} */ (this.stepLane.parentElement).hidden = lanes.length < 2;
  }

  /** @param {number} count */
  showRange(count) {
    this.scrubber.max = String(Math.max(0, count - 1));
    this.scrubber.disabled = count === 0;
  }

  /**
   * @param {Snapshot[]} replay
   * @param {number} position
   */
  showPosition(replay, position) {
    const entry = replay[position]?.entry;
    this.scrubber.value = String(position);
    // A step goes nowhere at the end, or past the followed lane's last event.
    const focused = document.activeElement;
    this.back.disabled = stepFrom(replay, position, -1, this.lane()) === null;
    this.forward.disabled = stepFrom(replay, position, 1, this.lane()) === null;
    // A step button disabled under the focus would drop it to the page
    // (where Home and End scroll): Play, beside it, keeps it in the bar.
    if ((this.back.disabled && focused === this.back) || (this.forward.disabled && focused === this.forward)) this.play.focus();
    this.position.textContent = entry
      // Where and when, then what happens in words, the trace's name after.
      ? `Event ${position + 1} of ${replay.length}, in ${entry.laneName} at ${entry.time}: ${inWords(entry.event.kind, entry.lane)}`
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
   * @param {{back: () => void, forward: () => void, first: () => void, last: () => void, toggle: () => void,
   *   seek: (position: number) => void, follow: () => void}} handlers `follow`: Step through changed
   */
  bind({ back, forward, first, last, toggle, seek, follow }) {
    this.stepLane.addEventListener('change', follow);
    this.back.addEventListener('click', back);
    this.forward.addEventListener('click', forward);
    this.play.addEventListener('click', toggle);
    this.scrubber.addEventListener('input', () => seek(Number(this.scrubber.value)));
    document.addEventListener('keydown', (e) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = /** @type {HTMLElement} */ (e.target);
      // The replay's own selects (Speed, Step through) take ↑ and ↓; ← and → step.
      const own = target === this.speed || target === this.stepLane;
      const field = (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) && !own) || target.isContentEditable;
      // The timeline moves between its marks with them (a trace list uses ↑ and ↓).
      const ownArrows = field || Boolean(target.closest?.('#timeline'));
      if (e.key === 'ArrowLeft' && !ownArrows) back();
      else if (e.key === 'ArrowRight' && !ownArrows) forward();
      // Home and End go to the first and last event from the bar's buttons
      // (Run, Step back…), as they do in the timeline and a trace list;
      // elsewhere they scroll (the page, a code panel, the tour), and a
      // select (Speed, Step through) picks its first or last choice.
      else if ((e.key === 'Home' || e.key === 'End') && target.tagName === 'BUTTON' && target.closest?.('#bar, .embed-bar')) {
        if (e.key === 'Home') first();
        else last();
      }
      // Space presses a focused button, and scrolls a focused list: not those.
      else if (e.key === ' ' && (!field || e.target === this.scrubber) && !['BUTTON', 'A'].includes(target.tagName)
        && !target.closest?.('#timeline, .trace')) toggle();
      else return;
      e.preventDefault();
    });
  }
}
