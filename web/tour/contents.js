// The tour's chapters, in order: their ids (a link's `tour=`) and titles.
// With progress.js (the progress kept in the browser), all the page loads
// of the tour before a chapter opens: `playground.tour()`, a link's chapter
// named or refused. The chapters themselves (chapters.js) and the tour's
// panel load when the tour first opens (load.js).

/** @type {{id: string, title: string}[]} */
export const CONTENTS = [
  { id: 'callbacks', title: 'Callbacks' },
  { id: 'promises', title: 'Promises' },
  { id: 'async-await', title: 'async and await' },
  { id: 'polling', title: 'A Rust future is polled' },
  { id: 'waker', title: 'Reactor, executor, waker' },
  { id: 'lazy', title: 'Lazy futures, eager promises' },
  { id: 'concurrency', title: 'Racing, and cancelling' },
  { id: 'executors', title: 'Another executor' },
  { id: 'state-machine', title: 'The state machine' },
  { id: 'pin', title: 'Self-reference and Pin' },
  { id: 'your-own', title: 'Your own program' },
];
