/**
 * NodePort allocation (`portallocator/allocator.go`): the
 * `--service-node-port-range` (30000-32767), random picks above the static
 * band (30000-30085 for the default range), requested ports honoured.
 */
import type { Prng } from "../util/prng";
import { AllocationBitmap, staticBandSize } from "./bitmap";

export type PortAllocationError = { reason: "NotInRange" | "Allocated"; message: string };

export class PortAllocator {
  private readonly bitmap: AllocationBitmap;

  constructor(
    readonly base: number,
    readonly size: number,
    private readonly prng: Prng,
  ) {
    this.bitmap = new AllocationBitmap(size, staticBandSize(size, 16, 128, 32));
  }

  /** `30000-32767`, as the range appears in messages. */
  get range(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  /** Size of the static band. */
  get staticBand(): number {
    return this.bitmap.offset;
  }

  get used(): number {
    return this.bitmap.count;
  }

  has(port: number): boolean {
    const i = port - this.base;
    return i >= 0 && i < this.size && this.bitmap.has(i);
  }

  allocate(port: number): PortAllocationError | undefined {
    const i = port - this.base;
    if (!Number.isInteger(port) || i < 0 || i >= this.size) {
      return {
        reason: "NotInRange",
        message: `provided port is not in the valid range. The range of valid ports is ${this.range}`,
      };
    }
    if (!this.bitmap.allocate(i))
      return { reason: "Allocated", message: "provided port is already allocated" };
    return undefined;
  }

  /** A random free port, or undefined when the range is full. */
  allocateNext(): number | undefined {
    const i = this.bitmap.allocateNext(this.prng);
    return i === undefined ? undefined : this.base + i;
  }

  release(port: number): void {
    const i = port - this.base;
    if (i >= 0 && i < this.size) this.bitmap.release(i);
  }
}
