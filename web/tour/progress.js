// The tour's progress, kept in this browser only (localStorage) and sent
// nowhere: which chapters' questions were answered and which tasks solved.
// Where storage is refused (a sandboxed frame, private modes), the tour
// still works; it only forgets on reload.

const KEY = 'futures-playground-tour';

/**
 * @typedef {object} Progress
 * @property {string[]} answered the chapters whose question was answered
 * @property {string[]} solved the chapters whose task was solved
 * @property {string | null} last the chapter open last: the Tour button reopens it
 */

/** @returns {Progress} */
export function loadProgress() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    /** @param {unknown} list */
    const ids = (list) => (Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
    return { answered: ids(saved.answered), solved: ids(saved.solved), last: typeof saved.last === 'string' ? saved.last : null };
  } catch {
    return { answered: [], solved: [], last: null };
  }
}

/** @param {Progress} progress */
export function saveProgress(progress) {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Not kept: the page goes on without it.
  }
}

export function resetProgress() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
