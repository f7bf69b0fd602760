// The tour, loaded the first time it is needed: the Tour button, or a link
// that opens a chapter. Its chapters' words and its panel are not part of
// what the page loads before its first run (contents.js has the ids and
// titles the page needs before).

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
   */
  constructor(root, button) {
    this.root = root;
    this.button = button;
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
