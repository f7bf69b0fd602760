// The program text's wasm module (pkg/playground_text.js: the crate's feature
// `text`): the parser, the timings rewriter, the line map. A program the page
// rendered itself runs and shows without it, so the page loads it with the
// editor, after its first run, and first only for a link that carries a text
// of its own. Its URLs are the page's meta tags (hashed in dist/).
import { qs } from './dom.js';

/** @import { TextWasm } from './types.js' */

/** @type {Promise<TextWasm> | undefined} */
let loading;

/** @param {string} name a meta tag's name */
function urlOf(name) {
  return new URL(/** @type {HTMLMetaElement} */ (qs(`meta[name="${name}"]`)).content, document.baseURI).href;
}

/**
 * The text module, loaded once; a failed load is tried again on the next call.
 * @returns {Promise<TextWasm>}
 */
export function loadText() {
  loading ??= (async () => {
    /** @type {TextWasm} */
    const text = await import(urlOf('text-module'));
    await text.default({ module_or_path: urlOf('text-wasm') });
    return text;
  })().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
