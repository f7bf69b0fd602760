// Entry point: load the wasm module and wire the Rust lane to the Run button.
import init, { NotesExample } from './pkg/playground.js';
import { showTrace, showOutput, showStatus } from './rust-lane.js';

await init();
const example = new NotesExample();
const button = document.getElementById('run');

async function run() {
  button.disabled = true;
  showStatus('running in real time…');
  showOutput([]);
  showTrace([]);
  await example.run();
  const events = example.events();
  showTrace(events);
  showOutput(events.filter((e) => e.kind === 'log').map((e) => e.text));
  const last = events.at(-1);
  showStatus(`finished at ${last.t.toFixed(1)} ms, ${events.length} events`);
  button.disabled = false;
}

button.addEventListener('click', run);
run();
