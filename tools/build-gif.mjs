// The GIF encoder (npm gifenc) as one minified ES module, web/pkg/gif.js,
// which the page imports only when a replay is exported as an animated GIF
// (`just editor` builds it beside the editor; `just build` copies it into
// dist/ under a hashed name).
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../node_modules/gifenc/dist/gifenc.esm.js', import.meta.url).pathname],
  outfile: new URL('../web/pkg/gif.js', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
});
