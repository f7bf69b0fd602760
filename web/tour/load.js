// The tour, loaded the first time it is needed: the Tour button, or a link
// that opens a chapter (then before that link's first run). Its chapters'
// words and its panel are not part of what the page loads before a first
// run otherwise: contents.js has the ids and titles the page needs before,
// and progress.js, the progress kept in the browser, loads with the page.

/** @import { TourView } from './tour-view.js' */
/** @import { Chapter } from './chapters.js' */

/**
 * @typedef {object} LoadedTour
 * @property {TourView} view the tour's panel
 * @property {Chapter[]} chapters in order
 * @property {(id: string) => Chapter | undefined} chapter by id
 */

export class Tour {
  /**
   * @param {HTMLElement} root the tour's section (hidden until opened)
   * @param {HTMLButtonElement} button the Tour button
   * @param {HTMLElement} said beside the button: the tour is loading, or could not be
   */
  constructor(root, button, said) {
    this.root = root;
    this.button = button;
    this.said = said;
    /** @type {Promise<LoadedTour> | undefined} */
    this.loading = undefined;
  }

  /** @returns {Promise<LoadedTour>} the same one every time (a failed load is tried again) */
  load() {
    this.loading ??= import('./tour.js').then(
      ({ TourView, CHAPTERS, chapter }) => ({ view: new TourView(this.root, this.button), chapters: CHAPTERS, chapter }),
      (error) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
