/** Small shared helpers over stored objects: owners, selectors, pod state. */
import { canonicalJSON } from "../api/objects";
import type { ObjectMeta, Pod } from "../api/types";

/** A controller ownerReference as controllers write them. */
export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
}

/** The ownerReference a controller puts on what it creates (controller and blockOwnerDeletion true). */
export function controllerRef(apiVersion: string, kind: string, meta: ObjectMeta): OwnerRef {
  return { apiVersion, kind, name: meta.name, uid: meta.uid, controller: true, blockOwnerDeletion: true };
}

/** The uid of an object's controller (the ownerReference with controller: true), if any. */
export function controllerUid(meta: ObjectMeta): string | undefined {
  return meta.ownerReferences?.find((r) => r.controller === true)?.uid;
}

/** True when every key=value of the selector is among the labels (an empty selector matches everything). */
export function matchesSelector(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return true;
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

/** True when a pod has been asked to terminate (metadata.deletionTimestamp is set). */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
}

/** `podutil.IsPodReady`: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  // A loop, not `some`: the endpoint controllers ask this of every pod of every Service they sync.
  const conditions = pod.status?.conditions;
  if (!conditions) return false;
  for (const c of conditions) if (c.type === "Ready") return c.status === "True";
  return false;
}

/** True for pods whose containers have all exited for good. */
export function isPodFinished(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/** Parses an RFC 3339 timestamp to epoch milliseconds (NaN when absent). */
export function parseTime(t: string | undefined | null): number {
  return t ? Date.parse(t) : Number.NaN;
}

/** Stable JSON with object keys sorted: a canonical form to compare or hash plain data. */
export const canonicalJson = canonicalJSON;
