/**
 * ClusterIP allocation from the service CIDR (`ipallocator/bitmap.go`):
 * network and broadcast addresses are never handed out, random picks prefer
 * the range above the static band, requested addresses are honoured.
 */
import type { Prng } from "../util/prng";
import { AllocationBitmap, staticBandSize } from "./bitmap";
import { ipToNumber, numberToIp, parseCidr } from "./ipv4";

/** Why a requested address was refused, in the allocator's words. */
export type IpAllocationError = { reason: "NotInRange" | "Allocated" | "Full"; message: string };

export class IpAllocator {
  /** First allocatable address (network + 1). */
  private readonly base: number;
  private readonly bitmap: AllocationBitmap;

  constructor(
    readonly cidr: string,
    private readonly prng: Prng,
  ) {
    const net = parseCidr(cidr);
    if (!net) throw new Error(`invalid service CIDR ${cidr}`);
    this.base = net.network + 1;
    // NOTE: IPv4 only; IPv6 ranges keep their last address and are capped in size upstream.
    const max = Math.max(0, net.size - 2);
    this.bitmap = new AllocationBitmap(max, staticBandSize(max, 16, 256, 16));
  }

  /** Number of allocatable addresses. */
  get size(): number {
    return this.bitmap.max;
  }

  get used(): number {
    return this.bitmap.count;
  }

  /** The n-th allocatable address (1 = the first usable: `10.96.0.1`). */
  nth(n: number): string {
    return numberToIp(this.base + n - 1);
  }

  has(ip: string): boolean {
    const i = this.index(ip);
    return i !== undefined && this.bitmap.has(i);
  }

  /** Reserves a requested address, or says why not. */
  allocate(ip: string): IpAllocationError | undefined {
    const i = this.index(ip);
    if (i === undefined) {
      return {
        reason: "NotInRange",
        message: `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`,
      };
    }
    if (!this.bitmap.allocate(i)) return { reason: "Allocated", message: "provided IP is already allocated" };
    return undefined;
  }

  /** A random free address, or undefined when the range is full. */
  allocateNext(): string | undefined {
    const i = this.bitmap.allocateNext(this.prng);
    return i === undefined ? undefined : numberToIp(this.base + i);
  }

  release(ip: string): void {
    const i = this.index(ip);
    if (i !== undefined) this.bitmap.release(i);
  }

  private index(ip: string): number | undefined {
    const n = ipToNumber(ip);
    if (n === undefined) return undefined;
    const i = n - this.base;
    return i >= 0 && i < this.bitmap.max ? i : undefined;
  }
}
