/**
 * The images of an imported cluster that Packetwalk does not model (the cluster's own
 * applications): their containers are taken to listen on the ports they declare, and the report
 * says so, naming the images.
 */
import type { Cluster } from "../../cluster";
import { workloadFor } from "../../workloads/registry";
import type { ImportNote } from "./report";

/** How many images the note names before it counts the rest. */
const NAMED = 3;

/** The `assumed` note for the dump's unmodelled images that declare ports, if there are any. */
export function declaredPortsNote(cluster: Cluster): ImportNote | undefined {
  const images = new Set<string>();
  for (const pod of cluster.store.values("Pod"))
    for (const c of pod.spec?.containers ?? [])
      if ((c.ports ?? []).length > 0 && workloadFor(c).unknown && c.image) images.add(c.image);
  if (images.size === 0) return undefined;
  const sorted = [...images].sort();
  const named = sorted.slice(0, NAMED).join(", ");
  const rest = sorted.length - NAMED;
  return {
    type: "assumed",
    key: "importNote.declaredPorts",
    values: { images: rest > 0 ? `${named} and ${rest} more` : named },
  };
}
