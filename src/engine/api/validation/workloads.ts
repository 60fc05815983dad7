/**
 * Pod, Deployment and ReplicaSet validation (`ValidatePod`,
 * `ValidateDeployment`, `ValidateReplicaSet`): the checks students meet.
 * NOTE: upstream checks far more (volumes, probes, resources, security
 * contexts); these are the common ones, with upstream's messages.
 */
import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector as LabelSelector } from "@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import { selectorIsEmpty, selectorMatches } from "../selector";
import type { Deployment, Pod, ReplicaSet } from "../types";
import type { FieldError } from "./field";
import { duplicate, invalid, notSupported, required } from "./field";
import { goStringMap, jsonStringMap } from "./goSyntax";
import { validateLabels, validateMetaMaps } from "./metadata";
import { isDNS1123Label, isValidPortName, isValidPortNum, validateObjectName } from "./names";

/** Validates a PodSpec under `path` (`spec` or `spec.template.spec`). */
export function validatePodSpec(spec: IPodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const containers = spec?.containers ?? [];
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const cp = `${path}.containers[${i}]`;
    if (!c.name) errs.push(required(`${cp}.name`));
    else {
      errs.push(...isDNS1123Label(c.name).map((m) => invalid(`${cp}.name`, c.name, m)));
      if (names.has(c.name)) errs.push(duplicate(`${cp}.name`, c.name));
      names.add(c.name);
    }
    if (!c.image) errs.push(required(`${cp}.image`));
    const portNames = new Set<string>();
    (c.ports ?? []).forEach((p, j) => {
      const pp = `${cp}.ports[${j}]`;
      if (p.name) {
        errs.push(...isValidPortName(p.name).map((m) => invalid(`${pp}.name`, p.name, m)));
        if (portNames.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
        portNames.add(p.name);
      }
      errs.push(
        ...isValidPortNum(p.containerPort).map((m) => invalid(`${pp}.containerPort`, p.containerPort, m)),
      );
      const protocols = ["SCTP", "TCP", "UDP"];
      if (p.protocol && !protocols.includes(p.protocol)) {
        errs.push(notSupported(`${pp}.protocol`, p.protocol, protocols));
      }
    });
  });
  const restart = ["Always", "Never", "OnFailure"];
  if (spec?.restartPolicy && !restart.includes(spec.restartPolicy)) {
    errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, restart));
  }
  const dns = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];
  if (spec?.dnsPolicy && !dns.includes(spec.dnsPolicy))
    errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, dns));
  return errs;
}

/** Validates a Pod. */
export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectName(pod.metadata.name, "DNS1123Subdomain"), ...validatePodSpec(pod.spec, "spec")];
}

function validateReplicas(replicas: number | undefined): FieldError[] {
  if (replicas === undefined || replicas >= 0) return [];
  return [invalid("spec.replicas", replicas, "must be greater than or equal to 0")];
}

/** `ValidatePodTemplateSpecForReplicaSet`: labels must match the selector; pods must restart Always. */
function validateTemplate(
  template: IPodTemplateSpec | undefined,
  selector: LabelSelector | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!template) return [required("spec.template")];
  const labels = template.metadata?.labels;
  errs.push(...validateMetaMaps(template.metadata ?? {}, "spec.template.metadata"));
  // A nil selector matches nothing (labels.Nothing()), so it fails here too, as upstream.
  if (!selector || (!selectorIsEmpty(selector) && !selectorMatches(selector, labels))) {
    errs.push(
      invalid(
        "spec.template.metadata.labels",
        jsonStringMap(labels),
        "`selector` does not match template `labels`",
        goStringMap(labels),
      ),
    );
  }
  errs.push(...validatePodSpec(template.spec, "spec.template.spec"));
  const rp = template.spec?.restartPolicy;
  if (rp && rp !== "Always" && ["Never", "OnFailure"].includes(rp)) {
    errs.push(notSupported("spec.template.spec.restartPolicy", rp, ["Always"]));
  }
  return errs;
}

function validateSelector(selector: LabelSelector | undefined, what: string): FieldError[] {
  if (!selector) return [required("spec.selector")];
  if (!selectorIsEmpty(selector)) return validateLabels(selector.matchLabels, "spec.selector.matchLabels");
  return [
    invalid(
      "spec.selector",
      {},
      `empty selector is invalid for ${what}`,
      "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}",
    ),
  ];
}

/** Validates an apps/v1 Deployment. */
export function validateDeployment(d: Deployment): FieldError[] {
  const spec = d.spec;
  return [
    ...validateObjectName(d.metadata.name, "DNS1123Subdomain"),
    ...validateReplicas(spec?.replicas),
    ...validateSelector(spec?.selector, "deployment"),
    ...validateTemplate(spec?.template, spec?.selector),
  ];
}

/** Validates an apps/v1 ReplicaSet. */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec;
  return [
    ...validateObjectName(rs.metadata.name, "DNS1123Subdomain"),
    ...validateReplicas(spec?.replicas),
    ...validateSelector(spec?.selector, "deployment"),
    ...validateTemplate(spec?.template, spec?.selector),
  ];
}
