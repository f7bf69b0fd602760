// Small DOM helpers. Text always goes in as text, never as markup.

export const qs = (selector, root = document) => root.querySelector(selector);

/** `el('li', {class: 'x', dataset: {kind}}, 'text', child...)` */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; `title` becomes its tooltip and accessible name. */
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

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

/** Milliseconds for people: `350 ms`, `1.25 s`, `0.4 ms`. */
export function formatMs(ms) {
  if (ms >= 1000) return `${+(ms / 1000).toFixed(ms >= 10000 ? 1 : 2)} s`;
  return `${Number.isInteger(ms) ? ms : +ms.toFixed(1)} ms`;
}
