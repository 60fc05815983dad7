/** What every kind's validation shares: its options, and the metadata's checks after the name's. */
import type { FieldError } from "./field";
import { validateMetaMaps } from "./metadata";

/** What validation depends on besides the object. */
export interface ValidationOptions {
  /** 1.33+: IP addresses parsed strictly (no leading zeros) where upstream moved to netip. */
  strictIPs: boolean;
}

type Meta = { name: string; labels?: Record<string, unknown>; annotations?: Record<string, unknown> };

/**
 * A kind's causes with the metadata's labels and annotations checked right after its name, as
 * `ValidateObjectMeta` does.
 */
export function withObjectMeta(errs: FieldError[], metadata: Meta): FieldError[] {
  let names = 0;
  while (names < errs.length && errs[names]!.field === "metadata.name") names++;
  errs.splice(names, 0, ...validateMetaMaps(metadata));
  return errs;
}
