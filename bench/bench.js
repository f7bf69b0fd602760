// The benchmark page: our runtime and wasm-bindgen-futures (from the bench
// wasm), and plain JS, behind one function the runner calls.
import init, * as wasm from './pkg/bench.js';

const { memory } = await init();

/** The same xorshift32 deadlines as crates/bench/src/deadlines.rs. */
function deadlines(count, spread, seed) {
  let s = Math.max(seed, 1) >>> 0;
  const out = [];
  for (let i = 0; i < count; i += 1) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    out.push(s % (spread + 1));
  }
  return out;
}

/** Plain JS: one setTimeout and one Promise per sleep. */
async function jsTimers({ count, spread, seed }) {
  const delays = deadlines(count, spread, seed);
  const max = Math.max(...delays);
  const start = performance.now();
  let worst = 0;
  await Promise.all(delays.map((ms) => new Promise((resolve) => setTimeout(resolve, ms)).then(() => {
    worst = Math.max(worst, performance.now() - start - ms);
  })));
  const elapsed = performance.now() - start;
  return { elapsed, overhead: elapsed - max, worstLateness: worst, completed: true };
}

/** A new browser task, as a click or a network callback would start. */
const newTask = () => new Promise((resolve) => {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = resolve;
  port2.postMessage(null);
});

/** `times` tasks, one at a time, each spawned from a new browser task: the
 * time from each spawn until that task is done, summed. */
async function spawnOneAtATime(executor, { times }) {
  let elapsed = 0;
  for (let i = 0; i < times; i += 1) {
    await newTask();
    elapsed += (await wasm.spawn_trivial(executor, 1)).elapsed;
  }
  return { elapsed, completed: true };
}

async function run(workload, executor, params) {
  switch (`${workload}/${executor}`) {
    case 'timers/js':
      return jsTimers(params);
    default:
      if (workload === 'spawn') return wasm.spawn_trivial(executor, params.count);
      if (workload === 'spawn-one') return spawnOneAtATime(executor, params);
      if (workload === 'polls') return wasm.polls(executor, params.tasks, params.yields);
      if (workload === 'timers') return wasm.timers(executor, params.count, params.spread, params.seed);
      throw new Error(`unknown workload ${workload}`);
  }
}

/** For the memory workload: leaves `count` sleeps of `ms` pending. */
function hold(executor, count, ms) {
  if (executor === 'js') {
    window.held = Array.from({ length: count }, () => new Promise((resolve) => setTimeout(resolve, ms)));
  } else {
    wasm.pending_sleeps(executor, count, ms);
  }
}

window.bench = { run, hold, wasmMemoryBytes: () => memory.buffer.byteLength };
document.body.dataset.ready = 'true';
