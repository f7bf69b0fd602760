// What the keyboard focuses after the bar that stays at the top of the page
// (Run and the replay) is scrolled clear of it: a browser scrolls a focused
// element just into the window, which can be under the bar (a trace row,
// the Summary, when Shift+Tab goes back up the page). A page-wide
// `scroll-padding-top` would do it for every element, the bar's own too:
// focusing Run would scroll the page back to the bar's place in the flow.
// Focus by a click is left where it is: what was clicked was in sight.

/** @param {HTMLElement} bar */
export function keepFocusClearOf(bar) {
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    // Only what comes after the bar can be under it: the controls before it
    // are above it on screen too (scrolling them "clear" would push them off
    // a short window), and so is the tour's panel, fixed at the bottom.
    if (!(target instanceof HTMLElement) || bar.contains(target)
      || !(bar.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
    // After the browser's own scroll to the element.
    requestAnimationFrame(() => {
      if (document.activeElement !== target || !target.matches(':focus-visible')) return;
      const covered = bar.getBoundingClientRect().bottom + 8 - target.getBoundingClientRect().top;
      if (covered > 0) window.scrollBy({ top: -covered });
    });
  });
}
