import type { ConfigMap } from "../../../api/types";
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

/**
 * `kubectl describe configmap` (`ConfigMapDescriber`). NOTE: kubectl lists the
 * keys in Go's map order, which varies from run to run; here they are sorted.
 */
export function describeConfigMap(cm: ConfigMap): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? "default"}\n`);
  writeLabels(w, "Labels", cm.metadata.labels);
  writeAnnotations(w, cm.metadata.annotations);
  w.write(0, "\nData\n====\n");
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data?.[k]}\n`);
    w.write(0, "\n");
  }
  w.write(0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) {
    const bytes = Math.floor(((cm.binaryData?.[k] ?? "").replace(/=+$/, "").length * 3) / 4);
    w.write(0, `${k}: ${bytes} bytes\n`);
  }
  w.write(0, "\n");
  writeEvents(w);
  return w.toString();
}
