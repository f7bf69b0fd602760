// What the page adds to `window`, for `tsc` (tsconfig.json): never loaded.
declare global {
  interface Window {
    /** The console API (README), with `debugTrap()` and the tour's chapters; app.js sets it. */
    playground: import('./playground.js').Playground & { debugTrap(): void; tour(): { id: string; title: string }[] };
    /** When the first run was on screen, in ms since navigation (main.js, for the benchmarks). */
    __firstRunAt: number;
  }
}

export {};
