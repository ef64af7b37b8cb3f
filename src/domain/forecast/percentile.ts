/**
 * The one percentile definition forecasting uses (capacity, cycle times, Monte Carlo finish dates): nearest rank.
 * The p-th percentile of N ascending values is the value at rank ⌈p/100 × N⌉ (1-based), so it is always one of
 * the observed values, never an interpolation between two.
 */
export function percentile(sortedValues: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  const count = sortedValues.length;
  if (count === 0) throw new RangeError('percentile: no values to take a percentile of');
  // p × N first, then / 100: 85 × 20 / 100 is exactly 17, whereas 0.85 × 20 is not guaranteed to be.
  const rank = Math.max(1, Math.ceil((p * count) / 100));
  const value = sortedValues[rank - 1];
  if (value === undefined) throw new RangeError(`percentile: rank ${rank} of ${count}`);
  return value;
}

/** Ascending copy of `values` (numeric, unlike Array.prototype.sort's default). */
export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
