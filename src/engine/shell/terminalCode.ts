/**
 * The terminal's own code, loaded with the shell's assets (shell/assets.ts) before the first
 * line runs: the `kubectl` command, completion (which knows kubectl's resource words) and what
 * the shell prints when `kubectl run --rm` deletes the pod it attached to.
 */
import type { Cluster } from "../cluster";
import { deletedMessage } from "./kubectl/delete";
import { resourceForKind } from "./kubectl/resources";

export { complete } from "./complete";
export { kubectl } from "./kubectl";

/** `pod "NAME" deleted from NAMESPACE namespace`, as kubectl prints a deleted Pod. */
export function podDeleted(cluster: Cluster, namespace: string, name: string): string {
  return deletedMessage(cluster, resourceForKind("Pod")!, name, namespace);
}
