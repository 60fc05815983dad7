import type { AnyObject } from "../../../api/types";
import { writeAnnotations, writeEvents, writeLabels } from "./common";
import { PrefixWriter } from "./writer";

/** NOTE: kubectl has a dedicated describer per kind; kinds without one here print their metadata only. */
export function describeGeneric(obj: AnyObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  writeLabels(w, "Labels", obj.metadata.labels);
  writeAnnotations(w, obj.metadata.annotations);
  writeEvents(w);
  return w.toString();
}
