// The timeline as a picture, for a post or a slide: a timeline drawing (one
// made for the picture, off screen: ui/timeline.js, picturesOf), with its
// cursor at the replay's position, a title above it,
// as a self-contained SVG (its styles inside it, in the page's light
// colours, whatever the screen's scheme) or as a PNG drawn from that SVG.
import { svg } from '../dom.js';

/** Room above the drawing for the title (px of the drawing). */
const TITLE = 30;
/** A caption's line: its height, and about how many characters fit in one. */
const CAPTION_LINE = 18;
const CAPTION_CHARS = 125;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * The page's style rules that draw the picture, with the light palette:
 * the same rules the screen uses (one definition), read from the page's
 * stylesheets. Rules inside media queries (the dark palette, the phone
 * layout) are left out.
 * @param {Element} picture the picture, whose elements the rules must match
 */
function styles(picture) {
  /** @type {string[]} */
  const palette = [];
  /** @type {string[]} */
  const rules = [];
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSStyleRule)) continue;
      if (rule.selectorText === ':root') {
        for (const name of rule.style) if (name.startsWith('--')) palette.push(`${name}: ${rule.style.getPropertyValue(name)};`);
        continue;
      }
      let used = false;
      try {
        used = picture.querySelector(rule.selectorText) !== null;
      } catch {
        // A selector this browser does not take: not the timeline's.
      }
      if (used) rules.push(rule.cssText);
    }
  }
  return `svg { ${palette.join(' ')} font-family: ${FONT}; }\n${rules.join('\n')}`;
}

/**
 * `text` in lines of about `width` characters, broken between words.
 * @param {string} text
 * @param {number} width
 */
function wrap(text, width) {
  /** @type {string[]} */
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A timeline drawing as a self-contained SVG document.
 * @param {SVGSVGElement} live the drawing (on screen or not), which is copied
 * @param {string} title the picture's title: the program, and the moment
 * @param {string} [caption] a sentence under the title (an animation's
 *   frame: what happened at that event), in as many lines as it needs
 * @returns {{text: string, width: number, height: number}}
 */
export function timelinePicture(live, title, caption) {
  const [, , width, drawn] = (live.getAttribute('viewBox') ?? '0 0 1000 200').split(' ').map(Number);
  const lines = caption ? wrap(caption, CAPTION_CHARS) : [];
  const top = TITLE + lines.length * CAPTION_LINE;
  const height = drawn + top;
  const picture = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' }, title);
  const style = svg('style');
  const heading = svg('text', { x: 8, y: 20, 'font-size': 15, 'font-weight': 600, fill: '#1c1c1f' });
  heading.textContent = title;
  const said = lines.map((line, i) => {
    const text = svg('text', { x: 8, y: TITLE + 10 + i * CAPTION_LINE, 'font-size': 14, fill: '#1c1c1f' });
    text.textContent = line;
    return text;
  });
  const drawing = svg('g', { transform: `translate(0 ${top})` });
  for (const child of live.children) drawing.append(child.cloneNode(true));
  // On screen a mark is a button (a tab stop, Enter moves the replay); in a
  // picture it is a shape whose tooltip says what it stands for.
  for (const mark of drawing.querySelectorAll('[data-seq]')) {
    for (const name of ['tabindex', 'role', 'aria-label']) mark.removeAttribute(name);
    for (const name of Object.keys(/** @type {SVGElement} */ (mark).dataset)) delete /** @type {SVGElement} */ (mark).dataset[name];
  }
  picture.append(style, svg('rect', { width, height, fill: '#ffffff' }), heading, ...said, drawing);
  // The rules the picture itself needs (not the screen's buttons and focus rings).
  style.textContent = styles(picture);
  return { text: new XMLSerializer().serializeToString(picture), width, height };
}

/**
 * The picture drawn on a canvas, `scale` times its size.
 * @param {{text: string, width: number, height: number}} picture
 * @param {number} scale
 * @returns {Promise<HTMLCanvasElement>}
 */
export async function canvasOf({ text, width, height }, scale) {
  const image = new Image();
  // A data: URL, which the page's Content-Security-Policy allows for images.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/**
 * The picture as a PNG, `scale` times its size (2: sharp on slides).
 * @param {{text: string, width: number, height: number}} picture
 * @param {number} [scale]
 * @returns {Promise<Blob>}
 */
export async function pngOf(picture, scale = 2) {
  const canvas = await canvasOf(picture, scale);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not make a PNG'))), 'image/png');
  });
}
