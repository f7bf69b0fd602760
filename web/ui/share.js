// The URL fragment holds the program and options, so a link reproduces the
// page; Copy link; exports as our trace JSON and as a Chrome trace.
import { qs } from '../dom.js';
import { embedSrc, iframeSnippet, markdownLink, measureEmbed } from './embed-snippet.js';
import { pngOf } from './timeline-picture.js';
import { gifOf } from './replay-gif.js';
import { LANE_NAMES } from '../replay/merge.js';
import { and } from '../replay/names.js';

/** The snippet's height where the embed did not report its own (px). */
const FALLBACK_HEIGHT = 600;

/** @import { Link, PageOptions, Lane, ShownLane } from '../types.js' */

// `lanes` and `edit` are the embed's (embed.html); the page ignores them.
const KEYS = ['tour', 'preset', 's', 'rust', 'clock', 'style', 'seed', 'compare', 'step', 't', 'lanes', 'edit'];

/** The longest program text a link carries, percent-encoded (characters). */
export const MAX_LINK_TEXT = 16_384;

/**
 * Reads `#tour=..&preset=..&clock=..&style=..&seed=..&compare=1&s=..&rust=..&step=..` (or `&t=..`; values still
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
 * The fragment of a link to the program, `#…`.
 * @param {{tour?: string, preset?: string, fragment: string, rust?: string} & PageOptions} link
 *   `tour` while a chapter of the tour is open; `preset` unless the program
 *   is a custom one; `rust`, percent-encoded, when the text says more than
 *   the scenario
 */
export function fragmentOf({ tour, preset, fragment, rust, clock, promiseStyle, seed, compare }) {
  const chapter = tour === undefined ? '' : `tour=${encodeURIComponent(tour)}&`;
  const named = `${chapter}${preset === undefined ? '' : `preset=${encodeURIComponent(preset)}&`}`;
  const text = rust === undefined ? '' : `&rust=${rust}`;
  // The seed only where it is not the first one, 0: links stay short.
  const seeded = seed === 0 ? '' : `seed=${seed}&`;
  // The comparison only where it is on.
  const compared = compare ? 'compare=1&' : '';
  return `#${named}clock=${clock}&style=${promiseStyle}&${seeded}${compared}s=${fragment}${text}`;
}

/**
 * Puts the program in the address: a new history entry if `push` (Back
 * returns to the program before), else in place of the current one.
 * @param {Parameters<typeof fragmentOf>[0]} link
 * @param {boolean} push
 */
export function writeFragment(link, push) {
  const hash = fragmentOf(link);
  if (location.hash === hash) return;
  if (push) history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}

/**
 * Where a link's `step=` or `t=` opens a replay: `step=N` is the page's
 * event N ("Event N of M", from 1; a replay of fewer lanes, the embed's,
 * opens at its first event at or after it, or its last), `t=` a time in ms (the first
 * event at or after it).
 * @param {Link} link
 * @param {{t: number, step: number}[]} events the replay's events, in order:
 *   each one's time and its number as the page counts them
 * @param {number} count the page's events, M
 * @param {string} [counted] what `count` counts, as the message says it
 * @returns {{position: number} | {problem: string} | null} null where the link has no position
 */
export function linkPosition(link, events, count, counted = 'this run\'s events') {
  if (link.step !== undefined) {
    const step = Number(link.step);
    if (!/^\d{1,9}$/.test(link.step) || step < 1 || step > count) {
      return { problem: `Link: step must be a whole number from 1 to ${count}, ${counted}; the replay opens at event 1` };
    }
    // A replay of fewer lanes may have no event at or after it: its last.
    const at = events.findIndex((e) => e.step >= step);
    return { position: at < 0 ? events.length - 1 : at };
  }
  if (link.t !== undefined) {
    const end = events.at(-1)?.t ?? 0;
    const at = /^\d{1,9}(\.\d{1,6})?$/.test(link.t) ? events.findIndex((e) => e.t >= Number(link.t)) : -1;
    return at < 0
      ? { problem: `Link: t must be a time in ms from 0 to ${Math.round(end * 10) / 10}, this run's length; the replay opens at event 1` }
      : { position: at };
  }
  return null;
}

/**
 * `href` with its fragment's parts (`key=value`) as `edit` gives them back.
 * @param {string} href
 * @param {(parts: string[]) => string[]} edit
 */
function editFragment(href, edit) {
  const [base, hash = ''] = href.split('#');
  const parts = edit(hash.split('&').filter(Boolean));
  return parts.length ? `${base}#${parts.join('&')}` : base;
}

/**
 * `href` with the replay's position: `&step=N`, its event N as the replay
 * counts them, from 1 (none at the first), in place of any position it had.
 * @param {string} href
 * @param {number} position from 0
 */
export function atPosition(href, position) {
  return editFragment(href, (parts) => [
    ...parts.filter((part) => !/^(step|t)=/.test(part)),
    ...(position > 0 ? [`step=${position + 1}`] : []),
  ]);
}

/**
 * `href` with `compare=1` in its fragment, or without it.
 * @param {string} href
 * @param {boolean} compare
 */
export function withCompare(href, compare) {
  return editFragment(href, (parts) => {
    const kept = parts.filter((part) => part !== 'compare=1');
    // Before the scenario, where the page writes it.
    const at = kept.findIndex((part) => /^(s|rust|step|t)=/.test(part));
    if (compare) kept.splice(at < 0 ? kept.length : at, 0, 'compare=1');
    return kept;
  });
}

/**
 * The page's link and the replay's moment: its position (from 0; `event`
 * from 1, of `of`), time and lane; the program's name and, for file names,
 * its example's id ("custom" for a program of one's own). `compared`: the
 * run shown has the spawn_local lane; then `threeLanes` is the position
 * counted without that lane's events (the next of the others' where the
 * moment is that lane's).
 * @typedef {{href: string, position: number, event: number, of: number, title: string, time: string, lane: ShownLane,
 *   slug: string, compared: boolean, threeLanes: number}} Moment
 */
/**
 * What the Share section asks the app for.
 * @typedef {object} ShareActions
 * @property {() => Moment} link
 * @property {() => unknown} exportJson the run, to save (nothing if falsy)
 * @property {() => unknown} exportChrome
 * @property {() => string | null} exportMarkdown the transcript
 * @property {(lanes: ShownLane[]) => {text: string, width: number, height: number} | null} picture the
 *   timeline of those lanes at the current event, as an SVG picture
 * @property {(lanes: ShownLane[]) => {text: string, width: number, height: number}[] | null} animation the
 *   timeline of those lanes at each of their events up to the current one, with what happened there: the
 *   frames of the replay's GIF
 */

export class Share {
  /** @param {ParentNode} root */
  constructor(root) {
    /** @type {HTMLButtonElement} */
    this.copy = qs('#copy-link', root);
    /** @type {HTMLButtonElement} */
    this.markdownLink = qs('#copy-markdown-link', root);
    /** @type {HTMLButtonElement} */
    this.json = qs('#export-json', root);
    /** @type {HTMLButtonElement} */
    this.chrome = qs('#export-chrome', root);
    /** @type {HTMLButtonElement} */
    this.markdown = qs('#export-markdown', root);
    /** @type {HTMLButtonElement} */
    this.svg = qs('#export-svg', root);
    /** @type {HTMLButtonElement} */
    this.png = qs('#export-png', root);
    /** @type {HTMLButtonElement} */
    this.gif = qs('#export-gif', root);
    /** @type {HTMLDetailsElement} */
    this.embed = qs('#embed-details', root);
    /** @type {HTMLTextAreaElement} */
    this.embedCode = qs('#embed-code', root);
    /** @type {HTMLButtonElement} */
    this.copyEmbed = qs('#copy-embed', root);
    /** @type {NodeListOf<HTMLInputElement>} the lanes the embed and the pictures show */
    this.laneBoxes = root.querySelectorAll('input[name="embed-lane"]');
    /** @type {HTMLElement} the choice of the spawn_local lane, offered when the run shown compared */
    this.embedSpawnLocal = qs('#embed-lane-spawn-local', root);
    /** @type {HTMLElement} what that choice asks of the writer's page */
    this.embedSpawnLocalNote = qs('#embed-spawn-local-note', root);
    this.embedSpawnLocalNote.textContent = 'Rust on spawn_local needs allow-same-origin, so the snippet adds it to the iframe\'s '
      + `sandbox. Choose it only if your page is neither on this playground's host (${location.host}) nor on another subdomain `
      + 'of the same parent domain. On the same host, the embed could run code in your page and remove its own sandbox. On a '
      + 'sibling subdomain (blog.example.com beside play.example.com), it could read and change your cookies set for '
      + 'example.com that are not HttpOnly.';
    /** @type {HTMLElement} */
    this.status = qs('#share-status', root);
    /** @type {HTMLElement} said while the run shown is not of the program as it is now */
    this.stale = qs('#share-stale', root);
    /** The run shown is of the program as it is now: a link's position is one of its events. */
    this.current = true;
    /** A run is shown: there is something to export. */
    this.hasRun = false;
    // In the bar that stays in view, wherever the replay is: to this
    // section, below the sticky bar, with Copy link focused.
    qs('#to-share').addEventListener('click', () => {
      const section = /** @type {HTMLElement} */ (root);
      const bar = /** @type {HTMLElement} */ (qs('#bar'));
      window.scrollTo({ top: section.getBoundingClientRect().top + window.scrollY - bar.offsetHeight - 8 });
      this.copy.focus({ preventScroll: true });
    });
    /** @type {HTMLElement} what the embed's snippet needs said: a moment it cannot show, a height it did not report */
    this.embedSaid = qs('#embed-said', root);
    /** @type {{src: string, height: number | null}} the embed's address last measured, and its height (null: none reported) */
    this.measured = { src: '', height: null };
    /** @type {ReturnType<typeof setTimeout> | undefined} a measurement waiting for changes to settle */
    this.measuring = undefined;
  }

  /** @param {ShareActions} actions */
  bind({ link, exportJson, exportChrome, exportMarkdown, picture, animation }) {
    this.link = link;
    this.copy.addEventListener('click', () => {
      const { href, position, event, of } = link();
      this.copyText(atPosition(href, position), `Link copied: it opens this program at event ${event} of ${of}.`);
    });
    this.markdownLink.addEventListener('click', () => {
      const { href, position, time, title } = link();
      const text = markdownLink(atPosition(href, position), position > 0 ? `${title} at ${time}` : title);
      this.copyText(text, 'Markdown link copied: it opens this program at the current event.');
    });
    this.json.addEventListener('click', () => download('futures-playground-run.json', exportJson()));
    this.chrome.addEventListener('click', () => download('futures-playground-chrome-trace.json', exportChrome()));
    this.markdown.addEventListener('click', () => {
      const text = exportMarkdown();
      if (text) save('futures-playground-transcript.md', new Blob([text], { type: 'text/markdown' }));
    });
    /** The picture's file name: the program and the event it shows. */
    const named = (/** @type {string} */ ext) => {
      const { slug, event } = link();
      return `futures-playground-${slug}-event-${event}.${ext}`;
    };
    /** A picture's lanes, named: "all three lanes", or each. */
    const lanesNamed = (/** @type {ShownLane[]} */ lanes) => (lanes.length === (link().compared ? 4 : 3)
      ? (link().compared ? 'all four lanes' : 'all three lanes') : and(lanes.map((l) => LANE_NAMES[l])));
    /** What a picture shows, said after "Timeline saved as …": its lanes, at the event shown. */
    const shows = (/** @type {ShownLane[]} */ lanes) => {
      const { lane, time } = link();
      const left = lanes.includes(lane) ? ''
        : ` This event is in the ${LANE_NAMES[lane]} lane, which the picture leaves out: the red line marks its time, ${time}.`;
      return `(${lanesNamed(lanes)}, at the current event).${left}`;
    };
    this.svg.addEventListener('click', () => {
      const lanes = this.picturedLanes();
      const shown = lanes && picture(lanes);
      if (!lanes || !shown) return;
      save(named('svg'), new Blob([shown.text], { type: 'image/svg+xml' }));
      this.status.textContent = `Timeline saved as an SVG picture ${shows(lanes)}`;
    });
    this.png.addEventListener('click', async () => {
      const lanes = this.picturedLanes();
      const shown = lanes && picture(lanes);
      if (!lanes || !shown) return;
      try {
        save(named('png'), await pngOf(shown));
        this.status.textContent = `Timeline saved as a PNG picture at 2× resolution ${shows(lanes)}`;
      } catch (error) {
        this.status.textContent = `No PNG: ${/** @type {Error} */ (error).message}. Export timeline SVG still works.`;
      }
    });
    this.gif.addEventListener('click', async () => {
      const lanes = this.picturedLanes();
      const frames = lanes && animation(lanes);
      if (!lanes || !frames) return;
      if (frames.length === 0) {
        this.status.textContent = `No GIF: ${lanesNamed(lanes)} had no event yet at the current one. Step further, or tick another lane.`;
        return;
      }
      // One frame per event of the lanes pictured: of all of them, events 1 to the current one.
      const which = frames.length === link().event ? `events 1 to ${frames.length}` : `the events of ${lanesNamed(lanes)} up to the current one`;
      this.gif.disabled = true;
      this.status.textContent = `Making the GIF: ${frames.length} frames (${which})…`;
      try {
        const gif = await gifOf(frames);
        const { slug, event } = link();
        save(`futures-playground-${slug}-replay-to-event-${event}.gif`, gif);
        this.status.textContent = `GIF downloaded: ${which}, one frame per event, each captioned with `
          + `what happened. ${Math.round(gif.size / 1024)} KB. To change the end, step the replay and export again.`;
      } catch (error) {
        this.status.textContent = `Couldn't make the GIF (browser said: ${/** @type {Error} */ (error).message}). `
          + 'Export timeline PNG still gives a still picture of this event.';
      } finally {
        this.gif.disabled = false;
      }
    });
    this.embed.addEventListener('toggle', () => this.showEmbed());
    for (const box of this.laneBoxes) box.addEventListener('change', () => this.showEmbed());
    this.copyEmbed.addEventListener('click', () => this.copyText(this.embedCode.value, 'Embed code copied: paste it into your page\'s HTML.'));
  }

  /** The lanes ticked: the spawn_local lane only where the run shown has it. */
  chosenLanes() {
    const compared = Boolean(this.link?.().compared);
    return /** @type {ShownLane[]} */ ([...this.laneBoxes]
      .filter((b) => b.checked && (compared || b.value !== 'spawnLocal')).map((b) => b.value));
  }

  /** The lanes ticked, for a picture; none ticked, null, and the status says to tick one. */
  picturedLanes() {
    const lanes = this.chosenLanes();
    if (lanes.length === 0) this.status.textContent = 'No picture: tick at least one lane under "Lanes in the embed and pictures", above.';
    return lanes.length === 0 ? null : lanes;
  }

  /**
   * Copies `text`, and says `said`; where the clipboard is refused, shows the text to copy by hand.
   * @param {string} text
   * @param {string} said
   */
  async copyText(text, said) {
    try {
      await navigator.clipboard.writeText(text);
      this.status.textContent = said;
    } catch {
      this.status.textContent = `Copy this: ${text}`;
    }
  }

  /** Writes the embed's snippet, for the program and position shown, if the
   * section is open. Its height is the embed's own at that position (the
   * lists and the sentence shown change it), measured in the background a
   * moment after the last change. */
  showEmbed() {
    if (!this.embed.open || !this.link) return;
    if (!this.current) {
      // No snippet of the new program at an event of the old run: nothing to
      // select by hand either, and nothing measured (the note says why).
      clearTimeout(this.measuring);
      this.embedCode.value = '';
      this.embedCode.removeAttribute('aria-busy');
      this.embedSaid.textContent = '';
      return;
    }
    const { href, position, title, lane, time, threeLanes } = this.link();
    const lanes = this.chosenLanes();
    // The embed compares only to show that lane; without it, the position
    // is counted as the embed counts it then, over the three lanes.
    const withLane = lanes.includes('spawnLocal');
    this.copyEmbed.disabled = lanes.length === 0 || !this.hasRun;
    if (lanes.length === 0) {
      this.embedCode.value = '';
      this.embedSaid.textContent = 'Choose at least one lane for the embed.';
      return;
    }
    // The event shown is of a lane the embed leaves out: it opens at the next event of its lanes.
    this.embedSaid.textContent = lanes.includes(lane) ? ''
      : `You left the ${LANE_NAMES[lane]} lane out of the embed, and this event (${time}) is in that lane. The embed will open at the next event in the lanes it shows (or their last, if none follows).`;
    const src = embedSrc(atPosition(withCompare(href, withLane), withLane ? position : threeLanes), lanes);
    if (this.measured.src === src) {
      this.embedCode.value = iframeSnippet(src, this.measured.height ?? FALLBACK_HEIGHT, title, withLane);
      this.embedCode.removeAttribute('aria-busy');
      if (this.measured.height === null) {
        this.embedSaid.textContent += `${this.embedSaid.textContent ? ' ' : ''}Couldn't measure the embed's height, so the `
          + `snippet uses ${FALLBACK_HEIGHT} px. Check that it fits your page.`;
      }
      return;
    }
    // No snippet until measured: copied, or selected by hand, it would have
    // the last one's height, not this one's.
    this.embedCode.value = '';
    this.embedCode.setAttribute('aria-busy', 'true');
    this.copyEmbed.disabled = true;
    this.embedSaid.textContent += `${this.embedSaid.textContent ? ' ' : ''}Measuring the embed's height: the HTML to paste appears in the box above in a moment…`;
    clearTimeout(this.measuring);
    this.measuring = setTimeout(async () => {
      const height = await measureEmbed(src);
      this.measured = { src, height };
      // Another change may have come meanwhile: it writes its own.
      this.showEmbed();
    }, 300);
  }

  /** @param {boolean} hasRun */
  showAvailable(hasRun) {
    for (const button of [this.json, this.chrome, this.markdown, this.svg, this.png, this.gif]) button.disabled = !hasRun;
    this.hasRun = hasRun;
    this.showLinksAvailable();
  }

  /** A new run is on screen, of the program as it is now: everything is
   * available, and the last run's message (Link copied: … event 30 of 75)
   * goes. */
  showRun() {
    this.status.textContent = '';
    // The spawn_local lane is offered where the run shown has it.
    const offered = Boolean(this.link?.().compared);
    this.embedSpawnLocal.hidden = !offered;
    this.embedSpawnLocalNote.hidden = !offered;
    this.showCurrent(true);
    this.showAvailable(true);
  }

  /**
   * Whether the run on screen is of the program as it is now. If not, a
   * link or an embed would open the edited program at an event of the old
   * run: they wait for Run (the exports are of the run on screen, and stay).
   * @param {boolean} current
   */
  showCurrent(current) {
    // Only a change redraws the snippet, which would start its measuring again.
    if (current === this.current) return;
    this.current = current;
    this.showLinksAvailable();
    this.showEmbed();
  }

  /** The links and the embed code: a run shown, and of the program as it is now. */
  showLinksAvailable() {
    const ok = this.current && this.hasRun;
    this.stale.hidden = this.current;
    this.copy.disabled = !ok;
    this.markdownLink.disabled = !ok;
    this.copyEmbed.disabled = !ok;
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
