// Small DOM helpers. Text always goes in as text, never as markup.

/**
 * The element `selector` names, which the page's markup has: say which kind
 * with a `@type` where it matters (`Element` otherwise).
 * @template {Element} [T=Element]
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {T}
 */
export const qs = (selector, root = document) => /** @type {T} */ (root.querySelector(selector));

/**
 * The URL of an asset the page names in a meta tag (`<meta name="text-module"
 * content="pkg/…">`): what is loaded later, under its hashed name in dist/.
 * @param {string} name the meta tag's name
 * @returns {string} absolute
 */
export const assetUrl = (name) => new URL(/** @type {HTMLMetaElement} */ (qs(`meta[name="${name}"]`)).content, document.baseURI).href;

/**
 * Attributes for `el` and `svg`: `true` is an empty attribute; `false`, null
 * and undefined leave it out; `dataset` sets `data-*`.
 * @typedef {Record<string, string | number | boolean | null | undefined | Record<string, string | number>>} Attrs
 */

/**
 * `el('li', {class: 'x', dataset: {kind}}, 'text', child...)`
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...(Node | string | null | undefined)} children null and undefined are left out
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An SVG element; `title` becomes its tooltip and accessible name.
 * @param {string} tag
 * @param {Attrs} [attrs]
 * @param {string | null} [title]
 */
export function svg(tag, attrs = {}, title) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  if (title) {
    const t = document.createElementNS(SVG, 'title');
    t.textContent = title;
    node.append(t);
  }
  return node;
}

/**
 * @param {HTMLElement | SVGElement} node
 * @param {Attrs} attrs
 */
function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

/**
 * Milliseconds for people: `350 ms`, `1.25 s`, `0.4 ms`.
 * @param {number} ms
 */
export function formatMs(ms) {
  if (ms >= 1000) return `${+(ms / 1000).toFixed(ms >= 10000 ? 1 : 2)} s`;
  return `${Number.isInteger(ms) ? ms : +ms.toFixed(1)} ms`;
}
