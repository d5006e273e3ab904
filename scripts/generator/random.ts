import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/**
 * Seeded random draws for the generator, on pure-rand's xoroshiro128+: the same seed gives the same
 * data. `Random.for(seed, stream, index)` gives record `index` of `stream` a sequence of its own,
 * so that a record can be drawn again, alone and identically, in each pass that writes one of its
 * tables (customer subscriptions are drawn again rather than held in memory).
 */
export class Random {
  private constructor(private readonly generator: Generator) {}

  /** A sequence for `seed` (any 32-bit integer). */
  static of(seed: number): Random {
    return new Random(xoroshiro128plus(mix(seed, 0x5eed)));
  }

  /** The sequence of record `index` (≥ 0) of `stream` (a small constant naming what is drawn). */
  static for(seed: number, stream: number, index: number): Random {
    return new Random(xoroshiro128plus(mix(mix(seed, stream), index)));
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list, each as likely. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** The index drawn from `weights` (see `cumulative`), each index as likely as its weight. */
  weighted(weights: Cumulative): number {
    const target = this.float() * weights.total;
    let low = 0;
    let high = weights.sums.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (weights.sums[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** One of the choices' keys, drawn with the probabilities their weights give. */
  choose<K extends string>(from: Choices<K>): K {
    return from.keys[this.weighted(from.weights)]!;
  }

  /** The list shuffled (Fisher–Yates), a new array. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

/** Running sums of non-negative weights, for `Random.weighted`. */
export interface Cumulative {
  readonly sums: Float64Array;
  readonly total: number;
}

/** The running sums of `weights` (at least one positive). */
export function cumulative(weights: readonly number[]): Cumulative {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    sums[index] = total;
  });
  if (!(total > 0)) throw new RangeError('at least one weight must be positive');
  return { sums, total };
}

/** Keys with weights, ready to draw from with `Random.choose`. */
export interface Choices<K extends string> {
  readonly keys: readonly K[];
  readonly weights: Cumulative;
}

/** The keys of `table` weighted by its values (which need not add up to 1). */
export function choices<K extends string>(table: Readonly<Record<K, number>>): Choices<K> {
  const keys = Object.keys(table) as K[];
  return { keys, weights: cumulative(keys.map((key) => table[key])) };
}

/**
 * Zipf(–Mandelbrot) weights: rank r (from 1) weighs 1 / (r + offset)^exponent — a few ranks hold
 * most of the mass; an offset flattens the very head (the first rank no longer dwarfs the next).
 */
export function zipfWeights(count: number, exponent: number, offset = 0): number[] {
  return Array.from({ length: count }, (_, index) => 1 / (index + 1 + offset) ** exponent);
}

/** Two 32-bit integers mixed into one (MurmurHash3's finaliser), so that nearby seeds give unrelated sequences. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
