// Entry point: load the wasm module, install window.playground, and show the
// notes' example running on our executor in real time.
import init from './pkg/playground.js';
import { createPlayground } from './playground.js';
import { showTrace, showOutput, showStatus } from './rust-lane.js';

await init();
const playground = createPlayground();
window.playground = playground;
const button = document.getElementById('run');

async function run() {
  button.disabled = true;
  showStatus('running in real time…');
  showOutput([]);
  showTrace([]);
  try {
    const { futures } = await playground.run({ preset: 'sequential', clock: 'real' });
    const { events } = futures;
    showTrace(events);
    showOutput(events.filter((e) => e.kind === 'log').map((e) => e.text));
    showStatus(`finished at ${events.at(-1).t.toFixed(1)} ms, ${events.length} events`);
  } catch (error) {
    showStatus(error.message);
  } finally {
    button.disabled = false;
  }
}

button.addEventListener('click', run);
run();
