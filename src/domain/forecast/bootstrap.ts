import { unsafeUniformIntDistribution } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

/**
 * The bootstrap: `resamples` times, draw `draws` of `values` at random with replacement and add them up. Returns
 * the sums, ascending, ready for `percentile`. `random` advances; the same generator state gives the same sums.
 */
export function bootstrapSums(
  values: readonly number[],
  draws: number,
  resamples: number,
  random: RandomGenerator,
): number[] {
  if (values.length === 0) throw new RangeError('bootstrap: no values to resample');
  if (!Number.isInteger(draws) || draws < 1) {
    throw new RangeError(`bootstrap: draws must be a positive integer, got ${draws}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrap: resamples must be a positive integer, got ${resamples}`);
  }
  const last = values.length - 1;
  const sums = new Array<number>(resamples);
  for (let resample = 0; resample < resamples; resample++) {
    let sum = 0;
    for (let draw = 0; draw < draws; draw++)
      sum += values[unsafeUniformIntDistribution(0, last, random)] ?? 0;
    sums[resample] = sum;
  }
  return sums.sort((a, b) => a - b);
}
