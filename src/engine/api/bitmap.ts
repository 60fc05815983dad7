/**
 * The allocation bitmap behind the ClusterIP and NodePort allocators
 * (`pkg/registry/core/service/allocator/bitmap.go`): one bit per item,
 * random scanning with a reserved low band (`randomScanStrategyWithOffset`).
 */
import type { Prng } from "../util/prng";

export class AllocationBitmap {
  private readonly bits: Uint8Array;
  private used = 0;

  /**
   * @param max number of items (bit i is item i)
   * @param offset size of the low "static" band that random picks avoid while the rest has room
   */
  constructor(
    readonly max: number,
    readonly offset: number,
  ) {
    this.bits = new Uint8Array(max);
  }

  get count(): number {
    return this.used;
  }

  has(i: number): boolean {
    return this.bits[i] === 1;
  }

  /** Marks item i; false when it was taken already. */
  allocate(i: number): boolean {
    if (this.bits[i] === 1) return false;
    this.bits[i] = 1;
    this.used++;
    return true;
  }

  release(i: number): void {
    if (this.bits[i] !== 1) return;
    this.bits[i] = 0;
    this.used--;
  }

  /** A random free item: the upper band first, the static band when it is full. */
  allocateNext(prng: Prng): number | undefined {
    if (this.used >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = prng.intn(upper);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (this.bits[at] === 0) return this.take(at);
      }
    }
    if (this.offset > 0) {
      const start = prng.intn(this.offset);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (this.bits[at] === 0) return this.take(at);
      }
    }
    return undefined;
  }

  private take(i: number): number {
    this.bits[i] = 1;
    this.used++;
    return i;
  }
}

/** `min(max(lo, size/step), hi)`, 0 for ranges smaller than `lo` (`calculateRangeOffset`). */
export function staticBandSize(size: number, lo: number, hi: number, step: number): number {
  if (size < lo) return 0;
  return Math.min(Math.max(lo, Math.floor(size / step)), hi);
}
