// Recency decay against Elasticsearch's function_score formulas: values at 0, offset, offset + scale
// (= decay) and 2·scale for each curve, duration parsing, validation, and monotone, NaN-free output.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  UNDATED_FACTOR,
  decayCurve,
  decayFactor,
  parseDuration,
  validateDecay,
  type DecayFunction,
  type DecayInput,
} from '../../src/scoring/recency.js';
import { InvalidOptionError } from '../../src/errors.js';

const close = (actual: number, expected: number, eps = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= eps, `${actual} ≈ ${expected}`);

const DAY = 86_400_000;
const origin = Date.UTC(2024, 2, 15);

/** The formulas as printed in the Elasticsearch reference, computed the direct way. */
function esReference(value: number, fn: DecayFunction, scale: number, offset: number, decay: number): number {
  const d = Math.max(0, Math.abs(value - origin) - offset);
  if (fn === 'gauss') {
    const sigma2 = -(scale * scale) / (2 * Math.log(decay));
    return Math.exp(-(d * d) / (2 * sigma2));
  }
  if (fn === 'exp') return Math.exp((Math.log(decay) / scale) * d);
  const s = scale / (1 - decay);
  return Math.max((s - d) / s, 0);
}

test('each curve is 1 at the origin and within the offset, and equals decay at offset + scale', () => {
  for (const fn of ['gauss', 'exp', 'linear'] as const) {
    const o = { origin, scale: 7 * DAY, offset: DAY, decay: 0.3, function: fn };
    close(decayFactor(origin, o), 1);
    close(decayFactor(origin - DAY, o), 1);
    close(decayFactor(origin + DAY, o), 1);
    close(decayFactor(origin - 8 * DAY, o), 0.3);
    close(decayFactor(origin + 8 * DAY, o), 0.3);
  }
});

test('at 2·scale: gauss decay⁴, exp decay², linear 1 − 2(1 − decay) floored at 0', () => {
  const base = { origin, scale: 10 * DAY, decay: 0.5 };
  close(decayFactor(origin - 20 * DAY, { ...base, function: 'gauss' }), 0.5 ** 4);
  close(decayFactor(origin - 20 * DAY, { ...base, function: 'exp' }), 0.5 ** 2);
  close(decayFactor(origin - 20 * DAY, { ...base, function: 'linear' }), 0);
  close(decayFactor(origin - 20 * DAY, { ...base, decay: 0.8, function: 'linear' }), 0.6);
  close(decayFactor(origin - 50 * DAY, { ...base, function: 'linear' }), 0);
});

test('defaults: gauss, decay 0.5, offset 0', () => {
  close(decayFactor(origin - 3 * DAY, { origin, scale: 3 * DAY }), 0.5);
  close(decayFactor(origin - 6 * DAY, { origin, scale: 3 * DAY }), 0.0625);
});

test('matches the Elasticsearch reference formulas at many points', () => {
  for (const fn of ['gauss', 'exp', 'linear'] as const) {
    for (const decay of [0.1, 0.5, 0.9]) {
      for (const k of [0, 0.25, 0.5, 1, 1.5, 2, 3, 7]) {
        const value = origin - 2 * DAY - k * 5 * DAY;
        const o = { origin, scale: 5 * DAY, offset: 2 * DAY, decay, function: fn };
        close(decayFactor(value, o), esReference(value, fn, 5 * DAY, 2 * DAY, decay));
        close(decayCurve(o)(value), decayFactor(value, o), 0);
      }
    }
  }
});

test('a document in the future decays like one in the past (distance is absolute)', () => {
  const o = { origin, scale: DAY, function: 'exp' as const };
  assert.is(decayFactor(origin + 3 * DAY, o), decayFactor(origin - 3 * DAY, o));
});

test('an undated document (NaN) gets UNDATED_FACTOR, the limit at infinite distance', () => {
  assert.is(UNDATED_FACTOR, 0);
  for (const fn of ['gauss', 'exp', 'linear'] as const) {
    const o = { origin, scale: DAY, function: fn };
    assert.is(decayFactor(Number.NaN, o), UNDATED_FACTOR);
    assert.is(decayCurve(o)(Number.NaN), UNDATED_FACTOR);
    assert.is(decayFactor(Number.POSITIVE_INFINITY, o), 0);
    assert.is(decayFactor(Number.NEGATIVE_INFINITY, o), 0);
  }
});

test('a tiny scale does not produce NaN at the origin', () => {
  for (const fn of ['gauss', 'exp', 'linear'] as const) {
    assert.is(decayFactor(origin, { origin, scale: 1e-300, function: fn }), 1);
    assert.is(decayFactor(origin + 1, { origin, scale: 1e-300, function: fn }), 0);
  }
});

test('parseDuration: units ms s m h d w y, numbers are ms', () => {
  assert.is(parseDuration('7d'), 7 * DAY);
  assert.is(parseDuration('12h'), 12 * 3_600_000);
  assert.is(parseDuration('30m'), 30 * 60_000);
  assert.is(parseDuration('2w'), 14 * DAY);
  assert.is(parseDuration('1y'), 365 * DAY);
  assert.is(parseDuration('45s'), 45_000);
  assert.is(parseDuration('250ms'), 250);
  assert.is(parseDuration('1.5d'), 1.5 * DAY);
  assert.is(parseDuration(' 3 d '), 3 * DAY);
  assert.is(parseDuration('0d'), 0);
  assert.is(parseDuration(5000), 5000);
  assert.is(parseDuration(0), 0);
});

test('parseDuration: anything else is undefined', () => {
  for (const bad of ['', '7', 'd', '7x', '7D', '7M', '-7d', '7 days', 'NaNd', '1e3d', '7d7h']) {
    assert.is(parseDuration(bad), undefined, JSON.stringify(bad));
  }
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) assert.is(parseDuration(bad), undefined);
});

test('validateDecay fills defaults and accepts durations', () => {
  assert.equal(validateDecay({ origin, scale: '7d' }), { origin, scale: 7 * DAY, offset: 0, decay: 0.5, function: 'gauss' });
  assert.equal(validateDecay({ origin, scale: DAY, offset: '12h', decay: 0.25, function: 'linear' }), {
    origin,
    scale: DAY,
    offset: 12 * 3_600_000,
    decay: 0.25,
    function: 'linear',
  });
});

test('validateDecay rejects bad options with InvalidOptionError { option: recency }', () => {
  const bad: DecayInput[] = [
    { origin, scale: 0 },
    { origin, scale: -DAY },
    { origin, scale: Number.NaN },
    { origin, scale: Number.POSITIVE_INFINITY },
    { origin, scale: 'soon' },
    { origin, scale: DAY, decay: 0 },
    { origin, scale: DAY, decay: 1 },
    { origin, scale: DAY, decay: 1.5 },
    { origin, scale: DAY, decay: Number.NaN },
    { origin, scale: DAY, offset: -1 },
    { origin, scale: DAY, offset: Number.POSITIVE_INFINITY },
    { origin: Number.NaN, scale: DAY },
    { origin: Number.POSITIVE_INFINITY, scale: DAY },
    { origin, scale: DAY, function: 'cubic' as DecayFunction },
  ];
  for (const o of bad) {
    try {
      validateDecay(o);
      assert.unreachable(`accepted ${JSON.stringify(o)}`);
    } catch (e) {
      assert.instance(e, InvalidOptionError);
      assert.is((e as InvalidOptionError).option, 'recency');
    }
  }
});

const decayOptions = fc.record({
  scale: fc.double({ min: 1e-6, max: 1e13, noNaN: true }),
  offset: fc.double({ min: 0, max: 1e12, noNaN: true }),
  decay: fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
  function: fc.constantFrom<DecayFunction>('gauss', 'exp', 'linear'),
});
const anyValue = fc.oneof(fc.double({ min: -1e15, max: 1e15 }), fc.constantFrom(Number.NaN, Infinity, -Infinity));

test('property: never NaN, always in [0, 1]', () => {
  fc.assert(
    fc.property(decayOptions, anyValue, (opts, value) => {
      const o = validateDecay({ origin, ...opts });
      const f = decayFactor(value, o);
      assert.ok(f >= 0 && f <= 1, `${f}`);
    }),
    { numRuns: 5000 },
  );
});

test('property: non-increasing in distance from the origin', () => {
  fc.assert(
    fc.property(decayOptions, fc.double({ min: 0, max: 1e14, noNaN: true }), fc.double({ min: 0, max: 1e14, noNaN: true }), fc.boolean(), (opts, a, b, past) => {
      const o = validateDecay({ origin, ...opts });
      const [near, far] = a <= b ? [a, b] : [b, a];
      const sign = past ? -1 : 1;
      assert.ok(decayFactor(origin + sign * near, o) >= decayFactor(origin + sign * far, o));
    }),
    { numRuns: 5000 },
  );
});

test.run();
