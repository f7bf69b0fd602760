// The URL fragment holds the program and options, so a link reproduces the
// page; Copy link; exports as our trace JSON and as a Chrome trace.
import { qs } from '../dom.js';

/** @import { Link, PageOptions } from '../types.js' */

const KEYS = ['tour', 'preset', 's', 'rust', 'clock', 'style', 'seed', 'step', 't'];

/** The longest program text a link carries, percent-encoded (characters). */
export const MAX_LINK_TEXT = 16_384;

/**
 * Reads `#tour=..&preset=..&clock=..&style=..&seed=..&s=..&rust=..&step=..` (or `&t=..`; values still
 * unvalidated). `s` is kept as written: it is a scenario fragment,
 * percent-encoded by its own rules (`&` and `=` inside it are always
 * encoded). So is `rust`, the program text, percent-encoded as
 * `encodeURIComponent` does: the app bounds and decodes it.
 * @param {string} hash
 * @returns {Link}
 */
export function readFragment(hash) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at);
    const value = part.slice(at + 1);
    if (!KEYS.includes(key)) continue;
    try {
      out[key] = key === 's' || key === 'rust' ? value : decodeURIComponent(value);
    } catch {
      out[key] = value; // a malformed escape: validation will say so
    }
  }
  return out;
}

/**
 * Puts the program in the address: a new history entry if `push` (Back
 * returns to the program before), else in place of the current one.
 * @param {{tour?: string, preset?: string, fragment: string, rust?: string} & PageOptions} link
 *   `tour` while a chapter of the tour is open; `preset` unless the program
 *   is a custom one; `rust`, percent-encoded, when the text says more than
 *   the scenario
 * @param {boolean} push
 */
export function writeFragment({ tour, preset, fragment, rust, clock, promiseStyle, seed }, push) {
  const chapter = tour === undefined ? '' : `tour=${encodeURIComponent(tour)}&`;
  const named = `${chapter}${preset === undefined ? '' : `preset=${encodeURIComponent(preset)}&`}`;
  const text = rust === undefined ? '' : `&rust=${rust}`;
  // The seed only where it is not the first one, 0: links stay short.
  const seeded = seed === 0 ? '' : `seed=${seed}&`;
  const hash = `#${named}clock=${clock}&style=${promiseStyle}&${seeded}s=${fragment}${text}`;
  if (location.hash === hash) return;
  if (push) history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}

/**
 * `href` with the replay's position: `&step=N`, its event N as the replay
 * counts them, from 1 (none at the first), in place of any position it had.
 * @param {string} href
 * @param {number} position from 0
 */
export function atPosition(href, position) {
  const [base, hash = ''] = href.split('#');
  const kept = hash.split('&').filter((part) => part && !/^(step|t)=/.test(part));
  if (position > 0) kept.push(`step=${position + 1}`);
  return kept.length ? `${base}#${kept.join('&')}` : base;
}

export class Share {
  /** @param {ParentNode} root */
  constructor(root) {
    /** @type {HTMLButtonElement} */
    this.copy = qs('#copy-link', root);
    /** @type {HTMLButtonElement} */
    this.json = qs('#export-json', root);
    /** @type {HTMLButtonElement} */
    this.chrome = qs('#export-chrome', root);
    /** @type {HTMLButtonElement} */
    this.markdown = qs('#export-markdown', root);
    /** @type {HTMLElement} */
    this.status = qs('#share-status', root);
  }

  /**
   * @param {{link: () => {href: string, event: number, of: number}, exportJson: () => unknown,
   *   exportChrome: () => unknown, exportMarkdown: () => string | null}} actions the link to copy (the
   *   page's, at the replay's event), what to save (nothing if falsy)
   */
  bind({ link, exportJson, exportChrome, exportMarkdown }) {
    this.copy.addEventListener('click', async () => {
      const { href, event, of } = link();
      try {
        await navigator.clipboard.writeText(href);
        this.status.textContent = `Link copied: it opens this program at event ${event} of ${of}.`;
      } catch {
        this.status.textContent = `Copy this link: ${href}`;
      }
    });
    this.json.addEventListener('click', () => download('futures-playground-run.json', exportJson()));
    this.chrome.addEventListener('click', () => download('futures-playground-chrome-trace.json', exportChrome()));
    this.markdown.addEventListener('click', () => {
      const text = exportMarkdown();
      if (text) save('futures-playground-transcript.md', new Blob([text], { type: 'text/markdown' }));
    });
  }

  /** @param {boolean} hasRun */
  showAvailable(hasRun) {
    this.json.disabled = !hasRun;
    this.chrome.disabled = !hasRun;
    this.markdown.disabled = !hasRun;
  }
}

/**
 * @param {string} name
 * @param {unknown} data
 */
function download(name, data) {
  if (data) save(name, new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' }));
}

/**
 * Saves `blob` as the file `name`.
 * @param {string} name
 * @param {Blob} blob
 */
function save(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
