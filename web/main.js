// Entry point: load the wasm module, make the views, start the app.
import * as wasm from './pkg/playground.js';
import { App } from './app.js';
import { Controls } from './ui/controls.js';
import { Lanes } from './ui/lanes.js';
import { Machinery } from './ui/machinery.js';
import { StateMachineView } from './ui/state-machine.js';
import { Timeline } from './ui/timeline.js';
import { ReplayControls } from './ui/replay-controls.js';
import { WhatHappened } from './ui/what-happened.js';
import { Inspector } from './ui/inspector.js';
import { Summary } from './ui/summary.js';
import { Share } from './ui/share.js';
import { Tour } from './tour/load.js';
import { qs, assetUrl } from './dom.js';
import { buildParts } from './ui/page-parts.js';
import { wordList } from './ui/trace-words.js';
import { loadText } from './text-module.js';
import { keepFocusClearOf } from './ui/clear-of-bar.js';

buildParts(document);
qs('#trace-words-details').append(wordList());
keepFocusClearOf(qs('#bar'));

const wasmUrl = /** @type {HTMLLinkElement} */ (qs('#wasm')).href;
await wasm.default({ module_or_path: wasmUrl });
const app = new App(wasm, {
  controls: new Controls(qs('#controls')),
  lanes: new Lanes(document),
  machinery: new Machinery(document),
  stateMachine: new StateMachineView(qs('#state-machine')),
  timeline: new Timeline(qs('#timeline-section')),
  replay: new ReplayControls(qs('#replay')),
  whatHappened: new WhatHappened(qs('#replay')),
  inspector: new Inspector(qs('#inside-rust')),
  summary: new Summary(qs('#summary')),
  share: new Share(qs('#share')),
  tour: new Tour(qs('#tour'), qs('#tour-button'), qs('#tour-said')),
});
await app.start();
// When the first run's script was done, in ms since navigation: the tests
// check what the page fetched before it (dist.spec.mjs).
window.__firstRunAt = performance.now();
document.body.dataset.ready = 'true';
// The editor (CodeMirror, several times the size of the rest) and the
// program text's module (the parser) only now, so the first run never waits
// for them; the panels keep their text.
const editorUrl = assetUrl('editor-module');
// The State machine is read by the text module too: shown as it arrives.
const text = loadText();
text.then(() => app.showStateMachine(), () => app.showStateMachine()).catch((error) => {
  app.views.stateMachine.showNote(`The State machine could not be shown: ${/** @type {Error} */ (error).message}`);
});
Promise.all([/** @type {Promise<import('./types.js').EditorModule>} */ (import(editorUrl)), text]).then(([editor]) => {
  app.useEditor(editor);
  document.body.dataset.editor = 'ready';
}, (error) => {
  // Offline, say: the examples still run; only editing is missing.
  app.views.lanes.showEditorFailed(/** @type {Error} */ (error).message);
});
