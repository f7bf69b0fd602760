// The tour's panel: the chapter's words, its question (choices as radio
// buttons), the verdict with a button that moves the replay to the step
// that decides it, the task with its check, Back / Next, and the progress.
// It sits above the page, which stays usable; the part of the page the
// chapter is about is outlined, scrolled to and announced.
import { el } from '../dom.js';

/** @import { Chapter, Choice } from './chapters.js' */
/** @import { ShownLane } from '../types.js' */
/** @import { Progress } from './progress.js' */

/**
 * @typedef {object} TourActions
 * @property {() => void} close
 * @property {(id: string) => void} go Back, Next
 * @property {(choice: string) => void} answer
 * @property {() => void} check the task
 * @property {() => void} showStep
 * @property {() => void} reset the progress
 */

export class TourView {
  /**
   * @param {HTMLElement} root the tour's section (hidden until opened)
   * @param {HTMLButtonElement} button the Tour button
   */
  constructor(root, button) {
    this.root = root;
    this.button = button;
    this.title = el('h2', { id: 'tour-title', tabindex: -1 });
    this.text = el('div', { class: 'tour-text' });
    this.legend = el('legend');
    this.choices = el('div', { class: 'choices' });
    /** Says the choices changed: they follow the program's timings. */
    this.choicesSaid = el('p', { class: 'choices-said', role: 'status' });
    this.answerButton = el('button', { type: 'submit' }, 'Answer, then run');
    this.question = el('form', { class: 'tour-question', 'aria-label': 'Question' },
      el('fieldset', {}, this.legend, this.choices, this.choicesSaid), this.answerButton);
    this.verdict = el('p', { class: 'verdict', role: 'status' });
    this.stepButton = el('button', { type: 'button', class: 'secondary', hidden: true }, 'Show the step that decides it');
    this.taskText = el('p', { class: 'task-text' });
    this.checkButton = el('button', { type: 'button' }, 'Check my change');
    this.taskSaid = el('p', { class: 'verdict', role: 'status' });
    this.task = el('div', { class: 'tour-task', role: 'group', 'aria-label': 'Try this' },
      el('h3', {}, 'Try this'), this.taskText, this.checkButton, this.taskSaid);
    this.back = el('button', { type: 'button', class: 'secondary' }, 'Back');
    this.next = el('button', { type: 'button' }, 'Next');
    this.closeButton = el('button', { type: 'button', class: 'secondary tour-close' }, 'Close tour');
    this.resetButton = el('button', { type: 'button', class: 'secondary' }, 'Reset progress');
    this.progress = el('p', { class: 'tour-progress' });
    this.announce = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.collapse = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'true' }, 'Hide text');
    // The panel is a third of the screen: a chapter's question or task is
    // often below its text, out of sight, with Back and Next in view.
    this.more = el('button', { type: 'button', class: 'secondary tour-more', hidden: true }, 'More below ↓');
    root.replaceChildren(el('div', { class: 'tour-head' }, this.title, this.collapse), this.text, this.question,
      this.verdict, this.stepButton, this.task,
      el('nav', { class: 'tour-nav', 'aria-label': 'Tour' }, this.back, this.next, this.closeButton, this.more),
      el('div', { class: 'tour-progress-row' }, this.progress, this.resetButton), this.announce);
    root.addEventListener('scroll', () => this.showMore(), { passive: true });
    // Its parts grow and shrink (a verdict, the choices, a narrower window).
    const resized = new ResizeObserver(() => this.showMore());
    for (const part of root.children) resized.observe(part);
    resized.observe(root);
    /** @type {Element | null} */
    this.focused = null;
    /** @type {string | undefined} */
    this.backTo = undefined;
    /** @type {string | undefined} */
    this.nextTo = undefined;
    /** @type {string | undefined} the choices shown, by id */
    this.choiceIds = undefined;
  }

  /** @param {TourActions} actions (the Tour button is the page's: it loads the tour) */
  bind(actions) {
    this.closeButton.addEventListener('click', () => actions.close());
    // The panel folds to its heading and Back / Next, to see more of the page.
    this.collapse.addEventListener('click', () => {
      const collapsed = this.root.classList.toggle('collapsed');
      this.collapse.setAttribute('aria-expanded', String(!collapsed));
      this.collapse.textContent = collapsed ? 'Show text' : 'Hide text';
    });
    this.more.addEventListener('click', () => {
      // A screenful, less the bar of buttons that stays at the bottom.
      const nav = /** @type {HTMLElement} */ (this.root.querySelector('.tour-nav'));
      this.root.scrollBy({ top: this.root.clientHeight - nav.offsetHeight - 16 });
    });
    this.back.addEventListener('click', () => this.backTo && actions.go(this.backTo));
    this.next.addEventListener('click', () => this.nextTo && actions.go(this.nextTo));
    this.question.addEventListener('submit', (e) => {
      e.preventDefault();
      const picked = /** @type {HTMLInputElement | null} */ (this.choices.querySelector('input:checked'));
      if (picked) actions.answer(picked.value);
      else this.verdict.textContent = 'Pick an answer first.';
    });
    this.checkButton.addEventListener('click', () => actions.check());
    this.stepButton.addEventListener('click', () => actions.showStep());
    this.resetButton.addEventListener('click', () => actions.reset());
  }

  /**
   * Opens `chapter`, the `index`-th of `chapters`.
   * @param {Chapter} chapter
   * @param {Chapter[]} chapters
   * @param {Progress} progress
   * @param {Choice[]} choices
   */
  show(chapter, chapters, progress, choices) {
    const index = chapters.indexOf(chapter);
    this.root.hidden = false;
    document.body.classList.add('touring');
    this.button.setAttribute('aria-expanded', 'true');
    this.title.textContent = `Tour, chapter ${index + 1} of ${chapters.length}: ${chapter.title}`;
    this.text.replaceChildren(...chapter.text.map((p) => el('p', {}, p)));
    this.question.hidden = !chapter.question;
    this.legend.textContent = chapter.question?.prompt ?? '';
    this.choiceIds = undefined;
    this.choicesSaid.textContent = '';
    this.showChoices(choices);
    this.verdict.textContent = '';
    this.stepButton.hidden = true;
    this.task.hidden = !chapter.task;
    this.taskText.textContent = chapter.task?.prompt ?? '';
    this.taskSaid.textContent = '';
    this.backTo = chapters[index - 1]?.id;
    this.nextTo = chapters[index + 1]?.id;
    this.back.disabled = !this.backTo;
    this.next.disabled = !this.nextTo;
    this.showProgress(progress, chapters);
    this.highlight(chapter);
    // A new chapter reads from its top, whatever the last one was scrolled to.
    this.root.scrollTop = 0;
    this.title.focus({ preventScroll: true });
  }

  /** Question below ↓ (or More below ↓) while the panel has more of the
   * chapter below its bottom: the question, or what follows it. */
  showMore() {
    const below = this.root.scrollHeight - this.root.scrollTop - this.root.clientHeight;
    const hidden = this.root.hidden || this.root.classList.contains('collapsed') || below <= 4;
    if (!hidden) {
      const nav = /** @type {HTMLElement} */ (this.root.querySelector('.tour-nav'));
      const question = !this.question.hidden && this.choices.getBoundingClientRect().bottom > nav.getBoundingClientRect().top;
      const label = question ? 'Question below ↓' : 'More below ↓';
      if (this.more.textContent !== label) this.more.textContent = label;
    }
    if (this.more.hidden === hidden) return;
    // Going away from under the focus, it hands it to the question's first
    // choice (Enter on Next would leave it unanswered), or to Next (Back, at
    // the last chapter).
    const focused = document.activeElement === this.more;
    this.more.hidden = hidden;
    const choice = /** @type {HTMLInputElement | null} */ (this.question.hidden ? null : this.choices.querySelector('input'));
    if (hidden && focused) (choice ?? (this.next.disabled ? this.back : this.next)).focus();
  }

  /**
   * The question's choices, from the program's timings as they are now.
   * @param {Choice[]} choices
   */
  showChoices(choices) {
    const ids = choices.map((c) => c.id).join('\n');
    if (ids === this.choiceIds) return;
    // Other choices (a timing changed): the verdict was on another program.
    if (this.choiceIds !== undefined) {
      this.showVerdict('', false);
      this.choicesSaid.textContent = 'New choices for the timings you changed: answer for the program as it is now.';
    }
    this.choiceIds = ids;
    const picked = /** @type {HTMLInputElement | null} */ (this.choices.querySelector('input:checked'))?.value;
    this.choices.replaceChildren(...choices.map((c) => el('label', {},
      el('input', { type: 'radio', name: 'tour-choice', value: c.id, checked: c.id === picked }), ` ${c.text}`)));
  }

  /**
   * @param {string} text whether the answer was right, and why
   * @param {boolean} canShow the replay has a step that decides it
   */
  showVerdict(text, canShow) {
    this.verdict.textContent = text;
    this.stepButton.hidden = !canShow;
    if (text) this.reveal(canShow ? this.stepButton : this.verdict);
  }

  /** @param {string} text */
  showTaskSaid(text) {
    this.taskSaid.textContent = text;
    if (text) this.reveal(this.taskSaid);
  }

  /**
   * Scrolls the panel (not the page) so `part` is in sight above its
   * Back / Next bar: what was just said would otherwise be under it.
   * @param {HTMLElement} part
   */
  reveal(part) {
    const nav = /** @type {HTMLElement} */ (this.root.querySelector('.tour-nav'));
    const bottom = nav.getBoundingClientRect().top;
    const box = part.getBoundingClientRect();
    if (box.bottom > bottom) this.root.scrollTop += box.bottom - bottom + 8;
    else if (box.top < this.root.getBoundingClientRect().top) this.root.scrollTop -= this.root.getBoundingClientRect().top - box.top + 8;
  }

  /**
   * @param {Progress} progress
   * @param {Chapter[]} chapters
   */
  showProgress({ answered, solved }, chapters) {
    const questions = chapters.filter((c) => c.question).length;
    const tasks = chapters.filter((c) => c.task).length;
    const done = answered.length >= questions && solved.length >= tasks;
    this.progress.textContent = `${done ? 'Tour finished, well done! ' : 'Your progress: '}${answered.length} of ${questions} `
      + `questions answered, ${solved.length} of ${tasks} tasks solved (kept in this browser only).`;
  }

  /**
   * After the replay moved to the deciding step: where it is seen best (its
   * row in its lane's trace, the State machine's current variant, the
   * Timeline, or Inside the Rust lane), in the middle of the part of the
   * window the page shows: below the Run bar that stays at the top, above
   * the tour's panel at the bottom.
   * @param {ShownLane} lane the step's lane
   * @param {'trace' | 'state-machine' | 'timeline' | 'inside'} [shows]
   * @param {() => void} [centreRow] centres the row in its list: done once
   *   the list is on screen, where its rows are laid out at their own
   *   heights (off screen, at an estimated one)
   */
  showStepRow(lane, shows = 'trace', centreRow = () => {}) {
    const selector = {
      trace: `#trace-${lane} [aria-current="step"]`,
      'state-machine': '#state-variants [aria-current="step"]',
      timeline: '#timeline-section',
      inside: '#memory',
    }[shows];
    /** `selector`'s element into the middle of the band, or its top to the band's top if it is taller. */
    const toBand = () => {
      const target = document.querySelector(selector);
      if (!target) return;
      const top = document.querySelector('.bar')?.getBoundingClientRect().bottom ?? 0;
      const bottom = this.root.hidden ? window.innerHeight : this.root.getBoundingClientRect().top;
      const box = (shows === 'trace' ? target.closest('.trace') ?? target : target).getBoundingClientRect();
      const to = box.height > bottom - top ? box.top - top - 8 : box.top + box.height / 2 - (top + bottom) / 2;
      window.scrollBy({ top: to });
    };
    /** The row is in sight: inside the band, and inside its list's own view. */
    const rowInSight = () => {
      const row = document.querySelector(selector);
      const list = row?.closest('.trace');
      if (!row || !list) return false;
      const [box, view] = [row.getBoundingClientRect(), list.getBoundingClientRect()];
      const top = Math.max(view.top, document.querySelector('.bar')?.getBoundingClientRect().bottom ?? 0);
      const bottom = Math.min(view.bottom, this.root.getBoundingClientRect().top);
      return box.top >= top - 1 && box.bottom <= bottom + 1;
    };
    // Already in sight (asked again): nothing moves.
    if (shows === 'trace' && rowInSight()) return;
    // The list (or the part) first, then its row inside it, then the row.
    toBand();
    if (shows !== 'trace') return;
    centreRow();
    let frames = 5;
    const settle = () => {
      frames -= 1;
      if (frames > 0) requestAnimationFrame(settle);
      else {
        const row = document.querySelector(selector);
        const band = [document.querySelector('.bar')?.getBoundingClientRect().bottom ?? 0, this.root.getBoundingClientRect().top];
        const box = row?.getBoundingClientRect();
        if (box && (box.top < band[0] || box.bottom > band[1])) window.scrollBy({ top: box.top + box.height / 2 - (band[0] + band[1]) / 2 });
      }
    };
    requestAnimationFrame(settle);
  }

  /**
   * Outlines the part of the page the chapter is about, scrolls to it and
   * says which it is.
   * @param {Chapter} chapter
   */
  highlight(chapter) {
    this.focused?.classList.remove('tour-focus');
    const target = document.getElementById(chapter.focus);
    this.focused = target?.closest('section') ?? target;
    this.focused?.classList.add('tour-focus');
    // To the top of the window, under the Run bar that stays there (the
    // tour's panel stays at the bottom).
    if (this.focused) {
      const bar = document.querySelector('.bar')?.getBoundingClientRect().height ?? 0;
      const top = this.focused.getBoundingClientRect().top + window.scrollY - bar - 12;
      window.scrollTo({ top: Math.max(0, top) });
    }
    this.announce.textContent = `This chapter is about ${chapter.focusName}, outlined on the page.`;
  }

  /**
   * While a question waits for its answer, the last run's traces, timeline
   * and summary are hidden: they may be of this very program, and would
   * give the answer away. A run (the answer's, or Run) shows them again.
   * @param {boolean} waiting
   */
  predicting(waiting) {
    document.body.classList.toggle('predicting', waiting);
  }

  hide() {
    this.predicting(false);
    this.root.hidden = true;
    document.body.classList.remove('touring');
    this.button.setAttribute('aria-expanded', 'false');
    this.focused?.classList.remove('tour-focus');
    this.focused = null;
  }
}
