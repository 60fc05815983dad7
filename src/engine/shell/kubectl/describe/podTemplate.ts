import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import { writeAnnotations, writeLabels } from "./common";
import { writeContainers, writeTolerations } from "./containers";
import { writeVolumes } from "./volumes";
import type { PrefixWriter } from "./writer";

/** `DescribePodTemplate`: a Deployment's or ReplicaSet's pod template, indented under `Pod Template:`. */
export function writePodTemplate(w: PrefixWriter, template: IPodTemplateSpec | undefined): void {
  w.write(0, "Pod Template:\n");
  if (!template) {
    w.write(1, "<unset>");
    return;
  }
  const spec = template.spec;
  writeLabels(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    writeAnnotations(w, template.metadata?.annotations, "  Annotations");
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length)
    writeContainers(w, "Init Containers", spec.initContainers, undefined, "  ");
  writeContainers(w, "Containers", spec?.containers ?? [], undefined, "  ");
  writeVolumes(w, spec?.volumes ?? [], "  ");
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeLabels(w, "  Node-Selectors", spec?.nodeSelector);
  writeTolerations(w, "  Tolerations", spec?.tolerations);
}
