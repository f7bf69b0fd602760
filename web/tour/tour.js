// What the tour loads when it first opens (load.js): its chapters and its panel.
export { CHAPTERS, chapter } from './chapters.js';
export { TourView } from './tour-view.js';
