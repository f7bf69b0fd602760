// The code editor (web/editor/, CodeMirror 6) as one minified ES module,
// web/pkg/editor.js, which the page imports after its first run (`just
// editor`; `just build` copies it into dist/ under a hashed name).
//
// One change to a dependency, made here at build time: CodeMirror mounts its
// styles through style-mod, which puts them in a <style> element when the
// editor is in a document (constructable style sheets only in shadow roots).
// The page's Content-Security-Policy allows no inline style, so that element
// would be blocked, and the editors unstyled. Constructable style sheets
// (`new CSSStyleSheet`, `adoptedStyleSheets`) are not inline styles, and
// every engine we test has them, so style-mod is made to use them in the
// document too. If style-mod's code changes, the build stops, rather than
// ship an editor the CSP breaks.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const STYLE_MOD = /[\\/]style-mod[\\/]src[\\/]style-mod\.js$/;
const DOCUMENT_CHECK = '!root.head && root.adoptedStyleSheets && win.CSSStyleSheet';

/** @type {import('esbuild').Plugin} */
const adoptedStyles = {
  name: 'adopted-styles',
  setup(b) {
    b.onLoad({ filter: STYLE_MOD }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(DOCUMENT_CHECK)) {
        throw new Error(`${path}: no \`${DOCUMENT_CHECK}\` to change; see tools/build-editor.mjs`);
      }
      return { contents: source.replace(DOCUMENT_CHECK, 'root.adoptedStyleSheets && win.CSSStyleSheet'), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [new URL('../web/editor/index.js', import.meta.url).pathname],
  outfile: new URL('../web/pkg/editor.js', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [adoptedStyles],
});
