// The program text's wasm module (pkg/playground_text.js: the crate's feature
// `text`): the parser, the timings rewriter, the line map, and the State
// machine. A program the page rendered itself runs without it (its State
// machine shows when it arrives), so the page loads it with the editor,
// after its first run, and first only for a link that carries a text of its
// own. Its URLs are the page's meta tags (hashed in dist/).
import { assetUrl } from './dom.js';

/** @import { TextWasm } from './types.js' */

/** @type {TextWasm | null} */
let loaded = null;
/** @type {Error | null} why the last load failed */
let failure = null;
/** @type {Promise<TextWasm> | undefined} */
let loading;

/**
 * The text module, loaded once; a failed load is tried again on the next call.
 * @returns {Promise<TextWasm>}
 */
export function loadText() {
  loading ??= (async () => {
    /** @type {TextWasm} */
    const text = await import(assetUrl('text-module'));
    await text.default({ module_or_path: assetUrl('text-wasm') });
    loaded = text;
    failure = null;
    return text;
  })().catch((error) => {
    loading = undefined;
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  });
  return loading;
}

/** The text module, if it is loaded. */
export function loadedText() {
  return loaded;
}

/** The last load failed (a new `loadText` tries again). */
export function textFailed() {
  return failure !== null;
}

/**
 * The text module; throws, saying why, where it is not loaded (yet).
 * @returns {TextWasm}
 */
export function textModule() {
  if (loaded) return loaded;
  throw new Error(failure
    ? 'the part of the page that understands Rust code did not download, so a program\'s text cannot be read. '
      + `Check your connection, then reload the page. (Browser said: ${failure.message.slice(0, 60)})`
    : 'the part of the page that understands Rust code is still downloading: it starts right after the page\'s '
      + 'first run. Wait a moment, then try again.');
}
