// The golden traces in tests/golden/: every preset's three traces on the
// virtual clock, in both promise styles, compared event by event in every
// engine (addresses and sizes aside: they differ between builds).

export const GOLDEN = new URL('golden/', import.meta.url);

/** `result` with addresses and sizes masked. */
export function stable(result) {
  const mask = (e) => ({
    ...e,
    ...(e.addr === undefined ? {} : { addr: 'addr' }),
    ...(e.size === undefined ? {} : { size: 'size' }),
  });
  const strip = (trace) => ({ ...trace, events: trace.events.map(mask) });
  return { callbacks: strip(result.callbacks), promises: strip(result.promises), futures: strip(result.futures) };
}

/** A golden file's text: JSON, one field per line, a step path (`[1, 0]`) on
 * the line of its field. */
export function goldenText(result) {
  const text = JSON.stringify(result, null, 1);
  return `${text.replace(/\[\s*((?:\d+,\s*)*\d+)?\s*\]/g, (_, inner = '') => `[${inner.split(/,\s*/).filter(Boolean).join(', ')}]`)}\n`;
}
