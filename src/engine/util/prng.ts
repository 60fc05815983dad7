/**
 * The simulation's only source of randomness: a seeded sfc32 generator.
 * Every random choice (name suffixes, allocations, iptables `statistic`
 * matches) draws from one Prng, so a scenario and a seed replay exactly.
 */
export interface PrngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

export class Prng {
  private s: PrngState;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the four words.
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s = { a: next(), b: next(), c: next(), d: next() };
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const t = (((s.a + s.b) >>> 0) + s.d) >>> 0;
    s.d = (s.d + 1) >>> 0;
    s.a = s.b ^ (s.b >>> 9);
    s.b = (s.c + (s.c << 3)) >>> 0;
    s.c = ((s.c << 21) | (s.c >>> 11)) >>> 0;
    s.c = (s.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  intn(n: number): number {
    if (n <= 0) throw new RangeError(`intn: n must be positive, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** Snapshot, for saving and restoring a scenario's exact position. */
  save(): PrngState {
    return { ...this.s };
  }

  restore(state: PrngState): void {
    this.s = { ...state };
  }
}
