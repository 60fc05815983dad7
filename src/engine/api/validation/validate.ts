/** Validation by kind: the causes of an Invalid Status, empty when the object is valid. */
import { kindInfo } from "../kinds";
import type { Deployment, EndpointSlice, Endpoints, Kind, Pod, ReplicaSet, Service } from "../types";
import { validateEndpointSlice, validateEndpoints } from "./endpoints";
import type { FieldError } from "./field";
import { validateMetaMaps } from "./metadata";
import { validateObjectName } from "./names";
import { validateService, validateServiceUpdate } from "./service";
import { validateDeployment, validatePod, validateReplicaSet } from "./workloads";

/** What validation depends on besides the object. */
export interface ValidationOptions {
  /** 1.33+: IP addresses parsed strictly (no leading zeros) where upstream moved to netip. */
  strictIPs: boolean;
}

type Meta = { name: string; labels?: Record<string, unknown>; annotations?: Record<string, unknown> };

function validateKind(kind: Kind, obj: { metadata: Meta }, opts: ValidationOptions): FieldError[] {
  switch (kind) {
    case "Service":
      return validateService(obj as unknown as Service);
    case "Pod":
      return validatePod(obj as unknown as Pod);
    case "Deployment":
      return validateDeployment(obj as unknown as Deployment);
    case "ReplicaSet":
      return validateReplicaSet(obj as unknown as ReplicaSet);
    case "EndpointSlice":
      return [
        ...validateObjectName(obj.metadata.name, "DNS1123Subdomain"),
        ...validateEndpointSlice(obj as unknown as EndpointSlice, opts.strictIPs),
      ];
    case "Endpoints":
      return [
        ...validateObjectName(obj.metadata.name, "DNS1123Subdomain"),
        ...validateEndpoints(obj as unknown as Endpoints),
      ];
    default:
      return validateObjectName(obj.metadata.name, kindInfo(kind).nameRule);
  }
}

/**
 * Validates a defaulted object about to be created. The metadata's labels and
 * annotations are checked right after its name, as `ValidateObjectMeta` does.
 */
export function validateObject(
  kind: Kind,
  obj: { metadata: Meta },
  opts: ValidationOptions = { strictIPs: true },
): FieldError[] {
  const errs = validateKind(kind, obj, opts);
  let names = 0;
  while (names < errs.length && errs[names]!.field === "metadata.name") names++;
  errs.splice(names, 0, ...validateMetaMaps(obj.metadata));
  return errs;
}

/** Validates an update: the update-only checks first, then the object itself. */
export function validateObjectUpdate(
  kind: Kind,
  obj: { metadata: Meta },
  old: { metadata: Meta },
  legacyClusterIP: boolean,
  opts: ValidationOptions = { strictIPs: true },
): FieldError[] {
  const pre =
    kind === "Service"
      ? validateServiceUpdate(obj as unknown as Service, old as unknown as Service, legacyClusterIP)
      : [];
  return [...pre, ...validateObject(kind, obj, opts)];
}
