// The replay as an animated GIF, for a post, a slide or a README where an
// embed cannot go: one frame per event, the timeline at that event with
// what happened written under the title. Encoded by gifenc (npm, MIT),
// which the page loads only for this (web/pkg/gif.js, a meta tag's URL).
import { assetUrl } from '../dom.js';
import { canvasOf } from './timeline-picture.js';

/** How long each event stays on screen, and the last one (ms): time to read its sentence. */
export const FRAME_MS = 2500;
export const LAST_FRAME_MS = 5000;

/**
 * @typedef {object} GifModule what web/pkg/gif.js exports (gifenc)
 * @property {() => {writeFrame: (index: Uint8Array, width: number, height: number,
 *   options: {palette: number[][], delay: number, repeat?: number}) => void, finish: () => void,
 *   bytes: () => Uint8Array<ArrayBuffer>}} GIFEncoder
 * @property {(rgba: Uint8ClampedArray, colors: number) => number[][]} quantize
 * @property {(rgba: Uint8ClampedArray, palette: number[][]) => Uint8Array} applyPalette
 */

/**
 * An animated GIF of `pictures`, in order, looping.
 * @param {{text: string, width: number, height: number}[]} pictures
 * @returns {Promise<Blob>}
 */
export async function gifOf(pictures) {
  const url = assetUrl('gif-module');
  /** @type {GifModule} */
  const { GIFEncoder, quantize, applyPalette } = await import(url);
  const gif = GIFEncoder();
  for (const [i, picture] of pictures.entries()) {
    const canvas = await canvasOf(picture, 1);
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    // Each frame its own palette: the page's few colours, and the text's edges.
    const palette = quantize(data, 256);
    const last = i === pictures.length - 1;
    gif.writeFrame(applyPalette(data, palette), width, height, { palette, delay: last ? LAST_FRAME_MS : FRAME_MS, repeat: 0 });
  }
  gif.finish();
  return new Blob([gif.bytes()], { type: 'image/gif' });
}
