// What the page adds to `window`, for `tsc` (tsconfig.json): never loaded.
declare global {
  interface Window {
    /** The console API (README), with `debugTrap()` and the tour's chapters; app.js sets it. */
    playground: import('./playground.js').Playground & { debugTrap(): void; tour(): { id: string; title: string }[] };
    /** When the page's first run's script was done, in ms since navigation (main.js; dist.spec.mjs reads it). */
    __firstRunAt: number;
  }
}

export {};
