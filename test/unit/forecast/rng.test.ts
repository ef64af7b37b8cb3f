import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { uniformBelow } from '../../../src/domain/forecast/rng';

/*
 * The forecast draws its whole numbers without pure-rand's last step (a `%` that V8 runs in C); the same seed must
 * still give the same trials, so the draws must be pure-rand's, number for number.
 */
describe('uniformBelow', () => {
  it('draws the same numbers as pure-rand, for counts from 1 to 2^32', () => {
    const counts = [
      1,
      2,
      3,
      7,
      20,
      60,
      1000,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 31 + 1,
      3_000_000_001,
      2 ** 32 - 1,
      2 ** 32,
    ];
    const pick = xoroshiro128plus(99);
    for (let k = 0; k < 200; k++) counts.push(1 + unsafeUniformIntDistribution(0, 2 ** 32 - 1, pick));
    for (const [seed, count] of counts.entries()) {
      const ours = xoroshiro128plus(seed);
      const theirs = xoroshiro128plus(seed);
      const drawn = Array.from({ length: 500 }, () => uniformBelow(count, ours));
      const expected = Array.from({ length: 500 }, () => unsafeUniformIntDistribution(0, count - 1, theirs));
      expect({ count, drawn }).toEqual({ count, drawn: expected });
    }
  });
});
