import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { SimException } from './errors.ts';

/** The generator's state as plain JSON numbers: saving and restoring it replays the same sequence. */
export interface RngState {
  readonly algorithm: 'xoroshiro128plus';
  /** Four signed 32-bit integers. */
  readonly state: readonly number[];
}

/**
 * xoroshiro128+ seeds its state directly from the seed, so the first outputs of nearby seeds are strongly
 * related (the very first output is `~seed`); discarding a few outputs decorrelates seeds 1, 2, 3…
 */
const warmUpDraws = 16;

/** Largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/**
 * The simulation's only source of randomness: a seeded xoroshiro128+ generator (from pure-rand) with
 * the distributions the models need. Its state can be exported and imported as plain JSON.
 */
export class Rng {
  private constructor(private readonly generator: RandomGenerator) {}

  /** A generator seeded with an unsigned 32-bit integer. */
  static fromSeed(seed: number): Rng {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new SimException({
        code: 'InvalidSeed',
        message: `The seed ${seed} is not allowed: use an integer from 0 to ${MAX_SEED}.`,
      });
    }
    const generator = xoroshiro128plus(seed | 0);
    for (let i = 0; i < warmUpDraws; i++) generator.next();
    return new Rng(generator);
  }

  /** A generator that continues exactly where the one that exported `state` was. */
  static fromState(state: RngState): Rng {
    const words = state.state;
    if (
      state.algorithm !== 'xoroshiro128plus' ||
      words.length !== 4 ||
      !words.every((w) => Number.isInteger(w) && w >= -0x8000_0000 && w <= 0x7fff_ffff)
    ) {
      throw new SimException({
        code: 'InvalidSnapshot',
        message: 'The random generator state is not a xoroshiro128plus state of four signed 32-bit integers.',
        path: '$.rng',
      });
    }
    return new Rng(xoroshiro128plusFromState(words));
  }

  /** The current state as plain data. */
  exportState(): RngState {
    return { algorithm: 'xoroshiro128plus', state: [...this.generator.getState()] };
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    return uniformFloat64(this.generator);
  }

  /** A uniform integer in [min, max], both included. */
  nextInt(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new SimException({
        code: 'InvalidArgument',
        message: `nextInt(${min}, ${max}) needs two safe integers with min ≤ max.`,
      });
    }
    return uniformInt(this.generator, min, max);
  }

  /** An exponentially distributed value with the given rate (mean 1/rate): the gap between Poisson arrivals. */
  exponential(rate: number): number {
    if (!(rate > 0) || !Number.isFinite(rate)) {
      throw new SimException({
        code: 'InvalidArgument',
        message: `exponential(${rate}) needs a finite rate greater than 0.`,
      });
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    return -Math.log(1 - this.nextFloat()) / rate;
  }

  /** A Poisson-distributed count with the given mean (how many arrivals fall in one interval). */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) {
      throw new SimException({
        code: 'InvalidArgument',
        message: `poisson(${mean}) needs a finite mean of 0 or more.`,
      });
    }
    if (mean === 0) return 0;
    return mean < 30 ? this.poissonByMultiplication(mean) : this.poissonByTransformedRejection(mean);
  }

  /** Knuth's method: multiply uniforms until the product drops below e^-mean. O(mean) draws. */
  private poissonByMultiplication(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.nextFloat();
    while (product > limit) {
      k++;
      product *= this.nextFloat();
    }
    return k;
  }

  /**
   * Hörmann's PTRS (transformed rejection with squeeze, 1993): exact and O(1) for large means, where
   * Knuth's method would need `mean` draws per sample.
   */
  private poissonByTransformedRejection(mean: number): number {
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * Math.sqrt(mean);
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.nextFloat() - 0.5;
      const v = this.nextFloat();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v * inverseAlpha) - Math.log(a / (us * us) + b);
      if (lhs <= -mean + k * logMean - logFactorial(k)) return k;
    }
  }
}

const smallLogFactorials: number[] = [0];
for (let n = 1; n < 64; n++) smallLogFactorials.push(smallLogFactorials[n - 1]! + Math.log(n));

/** ln(n!) exactly from a table for small n, by Stirling's series (error < 1e-15 relative) beyond. */
export function logFactorial(n: number): number {
  if (n < smallLogFactorials.length) return smallLogFactorials[n]!;
  const x = n + 1;
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared / 1680)))
  );
}
