import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** One seeded stream of draws (pure-rand's xoroshiro128+): the same seed and call order give the same draws. */
export class Random {
  readonly #rng: RandomGenerator;

  constructor(seed: number) {
    this.#rng = xoroshiro128plus(seed);
  }

  /** Uniform in [0, 1), 53 bits. */
  uniform(): number {
    const high = unsafeUniformIntDistribution(0, 0x3ffffff, this.#rng); // 26 bits
    const low = unsafeUniformIntDistribution(0, 0x7ffffff, this.#rng); // 27 bits
    return (high * 0x8000000 + low) / 2 ** 53;
  }

  /** Uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number {
    return unsafeUniformIntDistribution(low, high, this.#rng);
  }

  chance(p: number): boolean {
    return this.uniform() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from nothing');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Poisson by Knuth's product of uniforms (means here stay well below 100). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let k = 0;
    for (let product = this.uniform(); product > limit; product *= this.uniform()) k++;
    return k;
  }

  /** 1, 2, 3, … with P(k) = p (1 − p)^(k − 1): mean 1/p. */
  geometric(p: number): number {
    if (p >= 1) return 1;
    return 1 + Math.floor(Math.log(1 - this.uniform()) / Math.log(1 - p));
  }
}
