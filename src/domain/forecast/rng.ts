import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

// Read once: under a sandboxed global (Jest's vm context) `floor` in the trial loop would be a slow lookup.
const { floor, imul } = Math;

/** Outputs thrown away after seeding: xoroshiro's first outputs still show the seed (1 and 2 start alike). */
const WARM_UP = 16;
const TWO_TO_32 = 0x100000000;
/** pure-rand's offset from a signed 32-bit output to [0, 2^32). */
const HALF_RANGE = 0x80000000;

/**
 * The forecast's one source of chance: a single sequential xoroshiro128+ stream (pure-rand), so the same
 * seed and the same order of calls give the same numbers on every machine and Node version. Mutable on
 * purpose: the Monte Carlo inner loop draws millions of numbers and must not allocate per draw.
 */
export class SeededRandom {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_TO_32) {
      throw new RangeError(`the forecast seed must be a whole number from 0 to 4294967295, not ${seed}`);
    }
    this.generator = xoroshiro128plus(mix32(seed));
    for (let i = 0; i < WARM_UP; i++) this.generator.unsafeNext();
  }

  /** A whole number in [0, count), each equally likely (rejection sampling, no modulo bias). */
  below(count: number): number {
    return uniformBelow(count, this.generator);
  }

  /** A number in [0, 1) on a grid of 2^-32. */
  unit(): number {
    return (this.generator.unsafeNext() >>> 0) / TWO_TO_32;
  }

  /** `value` rounded down or up at random, up with probability equal to its fraction: unbiased on average. */
  round(value: number): number {
    const whole = floor(value);
    const fraction = value - whole;
    return fraction > 0 && this.unit() < fraction ? whole + 1 : whole;
  }
}

/** MurmurHash3's finaliser: neighbouring seeds (1, 2, 3) start from unrelated states. */
function mix32(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * pure-rand's `unsafeUniformIntDistribution(0, count - 1, generator)`, number for number. Its last step, `%` on a
 * number that may pass 2^31, is a call into C in V8 and the trial loop draws here; the division below is exact for
 * whole counts up to 2^32 (the quotient of two such numbers is never within a rounding error of the next whole).
 */
export function uniformBelow(count: number, generator: RandomGenerator): number {
  if (!(count >= 1 && count <= TWO_TO_32 && floor(count) === count)) {
    return unsafeUniformIntDistribution(0, count - 1, generator);
  }
  const maxAllowed = count > 2 ? floor(TWO_TO_32 / count) * count : TWO_TO_32;
  let value = generator.unsafeNext() + HALF_RANGE;
  while (value >= maxAllowed) value = generator.unsafeNext() + HALF_RANGE;
  return value - floor(value / count) * count;
}
