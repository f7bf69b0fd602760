// A run in the Chrome Trace Event Format, for Perfetto (ui.perfetto.dev) or
// chrome://tracing: one process, one thread (track) per lane; a slice per
// poll (Rust) or timer callback (JS); timers as async bars; flow arrows from
// each wake to the poll it causes.

/** @import { RunResult, TraceEvent } from './types.js' */

import { lanesOf, traceOf, LANE_NAMES } from './replay/merge.js';
import { timerLabel } from './replay/names.js';

/**
 * One entry of `traceEvents` (only the fields used here).
 * @typedef {object} ChromeEvent
 * @property {string} ph the phase: M(etadata), X (a slice), b/e (async begin/end), s/f (flow), i(nstant)
 * @property {number} pid
 * @property {number} tid
 * @property {string} name
 * @property {string} [cat]
 * @property {string | number} [id]
 * @property {number} [ts] µs
 * @property {number} [dur] µs
 * @property {string} [bp]
 * @property {string} [s]
 * @property {object} [args]
 */

/** @param {number} ms */
const us = (ms) => Math.round(ms * 1000);

/**
 * `{traceEvents: [...]}` for a result of `playground.run`.
 * @param {RunResult} result
 */
export function toChromeTrace(result) {
  /** @type {ChromeEvent[]} */
  const traceEvents = [{ ph: 'M', pid: 1, tid: 0, name: 'process_name', args: { name: 'futures playground' } }];
  let flow = 0;
  lanesOf(result).forEach((lane, i) => {
    const tid = i + 1;
    const { events } = traceOf(result, lane);
    traceEvents.push({ ph: 'M', pid: 1, tid, name: 'thread_name', args: { name: LANE_NAMES[lane] } });
    traceEvents.push({ ph: 'M', pid: 1, tid, name: 'thread_sort_index', args: { sort_index: tid } });
    const base = { pid: 1, tid, cat: lane };
    /** @type {Map<number, TraceEvent>} */
    const openPolls = new Map();
    /** @type {Map<number, number[]>} */
    const pendingWakes = new Map(); // task -> flow ids
    for (const e of events) {
      const ts = us(e.t);
      const args = { ...e };
      switch (e.kind) {
        case 'timer_set':
          traceEvents.push({ ...base, ph: 'b', id: `${lane}-${e.timer}`, name: timerLabel(e), ts, args });
          break;
        case 'timer_elapsed':
          // No timer was set: the Sleep was already past its deadline.
          traceEvents.push({ ...base, ph: 'i', s: 't', name: `${timerLabel(e)}: already past its deadline`, ts, args });
          break;
        case 'timer_fired':
        case 'timer_cancel':
          traceEvents.push({ ...base, ph: 'e', id: `${lane}-${e.timer}`, name: timerLabel(e), ts, args });
          if (lane !== 'futures' && e.kind === 'timer_fired') {
            traceEvents.push({ ...base, ph: 'X', name: `callback ${e.label ?? e.timer}`, ts, dur: 1, args });
          }
          break;
        case 'poll_start':
          openPolls.set(e.task, e);
          for (const id of pendingWakes.get(e.task) ?? []) {
            traceEvents.push({ ...base, ph: 'f', bp: 'e', id, name: 'wake', ts });
          }
          pendingWakes.delete(e.task);
          break;
        case 'poll_end': {
          const start = openPolls.get(e.task);
          openPolls.delete(e.task);
          const from = us(start?.t ?? e.t);
          traceEvents.push({
            ...base, ph: 'X', name: `poll task ${e.task}: ${e.result}`, ts: from, dur: Math.max(1, ts - from), args,
          });
          break;
        }
        case 'wake':
          if (e.outcome === 'queued') {
            flow += 1;
            traceEvents.push({ ...base, ph: 'X', name: `wake task ${e.task} (${e.by})`, ts, dur: 1, args });
            traceEvents.push({ ...base, ph: 's', id: flow, name: 'wake', ts });
            pendingWakes.set(e.task, [...(pendingWakes.get(e.task) ?? []), flow]);
          }
          break;
        default:
          traceEvents.push({ ...base, ph: 'i', s: 't', name: e.kind === 'log' ? `log: ${e.text}` : e.kind, ts, args });
      }
    }
  });
  return { traceEvents, displayTimeUnit: 'ms' };
}
