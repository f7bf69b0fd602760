// Numbers in messages are printed as JS prints them (String(x)): a refused
// timing of 1.0000001 says "got 1.0000001", of 2.5e-7 "got 2.5e-7", of 1e308
// "got 1e+308". The wasm asks JavaScript for that text (program/number.rs),
// so this checks the wiring, and that each value is refused with its rule:
// for a table of edge cases and for 12,000 values from a seeded PRNG
// (NUMBERS_SEED changes the seed). numbers_in_browser.rs checks the native
// code against JavaScript's.
import { test, expect, openPlayground } from './fixtures.mjs';

const SEED = Number(process.env.NUMBERS_SEED ?? 0x5eed);
const PER_KIND = 2_000;
const RULE = 'timings[0]: must be a whole number of milliseconds from 0 to 60000';

/** mulberry32: a small seeded PRNG giving 32-bit unsigned integers. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** What the page accepts as a timing: a whole number from 0 to 60000 (-0 too). */
const accepted = (x) => Number.isInteger(x) && x >= 0 && x <= 60_000;

/** `PER_KIND` finite values of each kind, none of which the page accepts. */
function refusedValues(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor((next() / 2 ** 32) * n);
  const sign = () => (next() & 1 ? -1 : 1);
  /** A decimal mantissa of 1 to 17 significant digits (no leading zero). */
  const digits = () => {
    let m = String(1 + int(9));
    for (let n = int(17); n > 0; n -= 1) m += String(int(10));
    return m;
  };
  const bits = new DataView(new ArrayBuffer(8));
  const kinds = {
    // Any double: 64 random bits (NaN and the infinities are dropped below).
    bits: () => {
      bits.setUint32(0, next());
      bits.setUint32(4, next());
      return bits.getFloat64(0);
    },
    // mantissa × 10^exp, either sign, from subnormals to the largest doubles.
    decimal: () => sign() * Number(`${digits()}e${int(650) - 340}`),
    // Fractional milliseconds in range: 1.0000001, 59999.25, 0.5...
    fraction: () => (next() & 1 ? int(60_001) + Number(`${1 + int(9)}e-${1 + int(15)}`) : int(60_000) + Number(`0.${digits()}`)),
    // Tiny positives: 2.5e-7, 5e-324...
    tiny: () => Number(`${digits()}e-${4 + int(320)}`),
    // Negatives, whole or not: -5, -0.5, -1e-7, -123456.789...
    negative: () => -Number(`${digits()}e${int(30) - 20}`),
    // Above 60000, whole or not, up to about 1e308: 60001, 99999999, 1e+21...
    large: () => (next() & 1 ? 60_000 + 1 + int(2 ** 31) : Number(`${1 + int(9)}.${digits()}e${5 + int(303)}`)),
  };
  const values = [];
  for (const make of Object.values(kinds)) {
    for (let n = 0; n < PER_KIND;) {
      const x = make();
      if (Number.isFinite(x) && !accepted(x)) {
        values.push(x);
        n += 1;
      }
    }
  }
  return values;
}

test('edge cases are printed as String(x) prints them', async ({ page }) => {
  await openPlayground(page);
  const cases = [
    [NaN, 'got NaN'],
    [Infinity, 'got Infinity'],
    [-Infinity, 'got -Infinity'],
    [1e308, 'got 1e+308'],
    [Number.MAX_VALUE, 'got 1.7976931348623157e+308'],
    [1e21, 'got 1e+21'],
    [123456789012345680000, 'got 123456789012345680000'],
    [60001, 'got 60001'],
    [60000.5, 'got 60000.5, which is not whole'],
    [1.0000001, 'got 1.0000001, which is not whole'],
    [0.1 + 0.2, 'got 0.30000000000000004, which is not whole'],
    // Exactly halfway between the shortest candidates ...624.2 and ...624.3:
    // JS takes the even digit.
    [1125899906842624.25, 'got 1125899906842624.2, which is not whole'],
    [1125899906842624.75, 'got 1125899906842624.8, which is not whole'],
    [2.5e-7, 'got 2.5e-7, which is not whole'],
    [0.000001, 'got 0.000001, which is not whole'],
    [5e-324, 'got 5e-324, which is not whole'],
    [-5, 'got -5'],
    [-0.5, 'got -0.5, which is not whole'],
    [-1e-7, 'got -1e-7, which is not whole'],
  ];
  const messages = await page.evaluate(async (xs) => {
    const out = [];
    for (const x of xs) {
      out.push(await window.playground.run({ preset: 'sequential', timings: [x] }).then(() => 'resolved', (e) => e.message));
    }
    return out;
  }, cases.map(([x]) => x));
  for (const [i, [x, got]] of cases.entries()) expect(messages[i], String(x)).toBe(`${RULE}, ${got}`);
});

test('12,000 random refused values are printed as String(x) prints them', async ({ page }) => {
  const values = refusedValues(SEED);
  expect(values.length).toBeGreaterThanOrEqual(10_000);
  await openPlayground(page);
  const { checked, mismatches } = await page.evaluate(async (xs) => {
    const found = [];
    let count = 0;
    for (const x of xs) {
      const message = await window.playground.run({ preset: 'sequential', timings: [x] }).then(() => 'resolved', (e) => e.message);
      count += 1;
      // The number is what follows the last ", got ", up to a comma or the end.
      const printed = /, got ([^,]*)(?:, which is not whole)?$/.exec(message)?.[1];
      if (!message.includes(`got ${String(x)}`) || printed !== String(x)) found.push({ x: String(x), message });
    }
    return { checked: count, mismatches: found };
  }, values);
  expect(checked).toBe(values.length);
  expect(checked).toBeGreaterThanOrEqual(10_000);
  expect(mismatches.slice(0, 5), `${mismatches.length} of ${checked} mismatched (seed ${SEED})`).toEqual([]);
});
