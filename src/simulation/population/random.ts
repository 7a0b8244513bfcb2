/**
 * A seeded pseudo-random generator for the population simulation: sfc32
 * (Chris Doty-Humphrey's Small Fast Counting generator, 128 bits of state).
 * Only 32-bit integer arithmetic, no Math.random, Math.exp or Math.log, so a
 * seed gives the same numbers on every machine and Node version.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for one seed; `stream` picks an independent sequence. */
  constructor(seed: number, stream = 0) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(stream ^ 0x243f6a88);
    this.c = mix32(this.a ^ this.b ^ 0xb7e15162);
    this.d = 1;
    // The first outputs of a fresh state are poorly mixed; skip them.
    for (let round = 0; round < 12; round++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /**
   * A roughly normal number (the sum of four uniforms, rescaled): bell
   * shaped, bounded to mean ± 3.46 standard deviations, and free of the
   * transcendental functions whose last bits may differ between platforms.
   */
  normal(mean: number, deviation: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * 1.7320508075688772 * deviation;
  }

  /** An index into `cumulative` (ascending running totals of weights). */
  pickCumulative(cumulative: ArrayLike<number>): number {
    const last = cumulative.length - 1;
    const target = this.next() * (cumulative[last] ?? 0);
    for (let index = 0; index < last; index++) {
      if (target < (cumulative[index] ?? 0)) return index;
    }
    return last;
  }

  /** One item of a list, by weight. */
  pickWeighted<T>(choices: WeightedChoices<T>): T {
    const index = this.pickCumulative(choices.cumulative);
    return choices.values[index] as T;
  }

  /** One item of a non-empty list, uniformly. */
  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)] as T;
  }
}

/** A list of values with precomputed running weights, for pickWeighted. */
export interface WeightedChoices<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
}

/** Prepares `[value, weight]` pairs for Random.pickWeighted. */
export function weighted<T>(
  pairs: readonly (readonly [T, number])[],
): WeightedChoices<T> {
  const cumulative = new Float64Array(pairs.length);
  let total = 0;
  pairs.forEach(([, weight], index) => {
    total += weight;
    cumulative[index] = total;
  });
  return { values: pairs.map(([value]) => value), cumulative };
}

/** A well-mixed 32-bit seed made from several numbers (for example seed and day). */
export function deriveSeed(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = mix32((hash ^ (part | 0)) + Math.floor(part / 0x1_0000_0000));
  }
  return hash >>> 0;
}

/** The murmur3 finaliser: spreads every input bit over the output. */
function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
