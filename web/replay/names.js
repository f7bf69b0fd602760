// How the sentences of What happened name timers and lines.

/** A timer's label as a name: "Timer 1" as it is, "Kettle" as `the “Kettle” timer`.
 * @param {string} label */
export const named = (label) => (/^timer\b/i.test(label) ? label : `the “${label}” timer`);

/** A timer's name, from its label (else its number).
 * @param {{timer?: number, label?: string}} e */
export const timerName = (e) => (e.label === undefined ? `timer ${e.timer}` : named(e.label));

/** ` on line 4`, or nothing without a line.
 * @param {number | undefined} line */
export const onLine = (line) => (line ? ` on line ${line}` : '');
