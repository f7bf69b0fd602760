// What a writer pastes: the embed's <iframe> (with the height the embed
// itself reports at a blog column's width) and a Markdown link.
import { LANES, SHOWN_LANES } from '../replay/merge.js';

/** @import { Link, ShownLane } from '../types.js' */

/** The message the embed posts to the page around it (embed.js sends it). */
export const HEIGHT_MESSAGE = 'futures-playground:height';

/** The width the snippet's height is measured at: a blog column. */
export const COLUMN = 640;

/**
 * The lanes an embed's link asks for (`lanes=promises,futures`): all three
 * by default, and "Rust on spawn_local" (`spawnLocal`) too when the link
 * compares (`compare=1`). A value that names no lane gives them all; one
 * that names `spawnLocal` without the comparison gives the others it names.
 * @param {Link} link
 * @param {boolean} compare whether the link compares
 * @returns {{lanes: ShownLane[], problem: string | null}}
 */
export function linkLanes(link, compare) {
  /** @type {ShownLane[]} */
  const all = compare ? SHOWN_LANES : LANES;
  if (link.lanes === undefined) return { lanes: all, problem: null };
  const asked = link.lanes.split(',');
  const names = /** @type {string[]} */ (SHOWN_LANES);
  if (asked.length === 0 || !asked.every((l) => names.includes(l))) {
    return { lanes: all, problem: `Link: lanes must be one or more of ${all.join(', ')}, separated by commas; ${compare ? 'all four' : 'all three'} are shown` };
  }
  // In the page's order, each once.
  const lanes = all.filter((l) => asked.includes(l));
  if (compare || !asked.includes('spawnLocal')) return { lanes, problem: null };
  const others = lanes.length ? 'the other lanes it names are shown' : 'all three are shown';
  return { lanes: lanes.length ? lanes : all, problem: `Link: lanes can name spawnLocal only with compare=1; ${others}` };
}

/**
 * The embed's address for the page's link `href`, with `lanes` (all of
 * them: no `lanes=`). With the spawn_local lane, the link compares.
 * @param {string} href the page's address, with its fragment (and position)
 * @param {ShownLane[]} lanes
 */
export function embedSrc(href, lanes) {
  const url = new URL(href);
  url.pathname = url.pathname.replace(/[^/]*$/, 'embed.html');
  const all = lanes.includes('spawnLocal') ? SHOWN_LANES.length : LANES.length;
  if (lanes.length < all) url.hash += `&lanes=${lanes.join(',')}`;
  return url.href;
}

/** @param {string} text */
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The `<iframe>` to paste: sandboxed (scripts run; "Open in the
 * playground" may open a tab; with the spawn_local lane, the embed keeps its
 * own origin, which the hidden frame that lane runs in needs), `height`
 * high (px).
 * @param {string} src
 * @param {number} height
 * @param {string} title the program's name, the frame's accessible name
 * @param {boolean} [spawnLocal] whether the embed shows the spawn_local lane
 */
export function iframeSnippet(src, height, title, spawnLocal = false) {
  return `<iframe src="${attribute(src)}" title="${attribute(`Futures playground: ${title}`)}" `
    + `width="100%" height="${height}" style="max-width: ${COLUMN}px; border: 0" loading="lazy" `
    + `sandbox="allow-scripts ${spawnLocal ? 'allow-same-origin ' : ''}allow-popups allow-popups-to-escape-sandbox"></iframe>`;
}

/**
 * `[title](href)`: brackets in the title escaped; an address whose
 * parentheses do not pair written as `<href>`, which Markdown reads whole.
 * @param {string} href
 * @param {string} title
 */
export function markdownLink(href, title) {
  let depth = 0;
  for (const c of href) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  const target = depth === 0 && !/\s/.test(href) ? href : `<${href}>`;
  return `[${title.replace(/[[\]\\]/g, '\\$&')}](${target})`;
}

/**
 * Loads the embed at `src` out of sight, `COLUMN` px wide, and resolves to
 * the height it reports once its run is shown (null if it says nothing
 * within 10 s).
 * @param {string} src
 * @returns {Promise<number | null>}
 */
export function measureEmbed(src) {
  const frame = document.createElement('iframe');
  frame.className = 'measure-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.src = src;
  return new Promise((resolve) => {
    /** @param {MessageEvent} e */
    const heard = (e) => {
      if (e.source !== frame.contentWindow || e.data?.type !== HEIGHT_MESSAGE || !e.data.ready) return;
      done(Number(e.data.height) || null);
    };
    const timer = setTimeout(() => done(null), 10_000);
    /** @param {number | null} height */
    const done = (height) => {
      clearTimeout(timer);
      window.removeEventListener('message', heard);
      frame.remove();
      resolve(height);
    };
    window.addEventListener('message', heard);
    document.body.append(frame);
  });
}
