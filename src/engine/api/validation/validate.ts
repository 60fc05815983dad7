/** Validation by kind: the causes of an Invalid Status, empty when the object is valid. */
import { kindInfo } from "../kinds";
import type { Deployment, Kind, Pod, ReplicaSet, Service } from "../types";
import type { FieldError } from "./field";
import { validateObjectName } from "./names";
import { validateService, validateServiceUpdate } from "./service";
import { validateDeployment, validatePod, validateReplicaSet } from "./workloads";

/** Validates a defaulted object about to be created. */
export function validateObject(kind: Kind, obj: { metadata: { name: string } }): FieldError[] {
  switch (kind) {
    case "Service":
      return validateService(obj as Service);
    case "Pod":
      return validatePod(obj as Pod);
    case "Deployment":
      return validateDeployment(obj as Deployment);
    case "ReplicaSet":
      return validateReplicaSet(obj as ReplicaSet);
    default:
      return validateObjectName(obj.metadata.name, kindInfo(kind).nameRule);
  }
}

/** Validates an update: the update-only checks first, then the object itself. */
export function validateObjectUpdate(
  kind: Kind,
  obj: { metadata: { name: string } },
  old: { metadata: { name: string } },
  legacyClusterIP: boolean,
): FieldError[] {
  const pre =
    kind === "Service" ? validateServiceUpdate(obj as Service, old as Service, legacyClusterIP) : [];
  return [...pre, ...validateObject(kind, obj)];
}
