// The run's What happened sentences as a Markdown transcript, one line per
// step of the replay (time, lane, sentence), ready to paste into a post.
// Read from the replay model, as the What happened view reads it. Labels
// and texts come from the program, so the characters Markdown (or the HTML
// it may carry) would read as markup are escaped: a transcript shows as text.
import { formatMs } from '../dom.js';
import { LANE_NAMES } from './merge.js';

/** @import { Snapshot } from '../types.js' */

/**
 * `text` with Markdown's and HTML's markup characters escaped.
 * @param {string} text
 */
export function markdownText(text) {
  return text.replace(/[\\`*_[\]<>|#!~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/**
 * @param {Snapshot[]} replay the replay model
 * @param {{title: string, link: string}} about the program's name, and the link that opens it
 * @returns {string}
 */
export function transcript(replay, { title, link }) {
  const lines = replay.map(({ entry: { lane, event }, told }) => {
    // The sentence starts with its time, which the line says first.
    const time = formatMs(event.t);
    const said = told.text.startsWith(`${time}: `) ? told.text.slice(time.length + 2) : told.text;
    return `- ${time}, ${LANE_NAMES[lane]}: ${markdownText(said)}`;
  });
  return [`## ${markdownText(title)}`, '', `[Open this run in the futures playground](<${link.replace(/[<>\s]/g, encodeURIComponent)}>)`, '', ...lines, ''].join('\n');
}
