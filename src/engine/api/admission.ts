/**
 * The mutating admission plugins a Pod passes on create, in the API server's
 * order: ServiceAccount (the `default` account and its projected token
 * volume), Priority, DefaultTolerationSeconds. Every pod goes through them,
 * however it was created (a manifest, `kubectl run`, a ReplicaSet's template).
 */
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IVolume } from "kubernetes-models/v1/Volume";
import { KUBE_ALPHANUMS } from "../util/names";
import { sha256 } from "../util/sha256";
import type { ApiStatusError } from "./contract";
import type { ErrorContext } from "./errors";
import { forbidden } from "./errors";
import type { Pod } from "./types";

/** Where the token volume is mounted (`DefaultAPITokenMountPath`). */
export const API_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

/** `TokenVolumeSource()`: the same for every pod, so one frozen value is shared. */
const TOKEN_VOLUME_SOURCE = Object.freeze({
  defaultMode: 420,
  sources: Object.freeze([
    Object.freeze({ serviceAccountToken: Object.freeze({ expirationSeconds: 3607, path: "token" }) }),
    Object.freeze({
      configMap: Object.freeze({
        items: Object.freeze([Object.freeze({ key: "ca.crt", path: "ca.crt" })]),
        name: "kube-root-ca.crt",
      }),
    }),
    Object.freeze({
      downwardAPI: Object.freeze({
        items: Object.freeze([
          Object.freeze({
            fieldRef: Object.freeze({ apiVersion: "v1", fieldPath: "metadata.namespace" }),
            path: "namespace",
          }),
        ]),
      }),
    }),
  ]),
}) as unknown as NonNullable<IVolume["projected"]>;

/** The built-in PriorityClasses (`scheduling.SystemPriorityClasses`). */
const PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  "system-cluster-critical": 2000000000,
  "system-node-critical": 2000001000,
};

const NO_EXECUTE_KEYS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] as const;

/** The default tolerations, shared by every pod that has no others. */
const DEFAULT_TOLERATIONS = Object.freeze(
  NO_EXECUTE_KEYS.map((key) =>
    Object.freeze({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 }),
  ),
) as unknown as NonNullable<IPodSpec["tolerations"]>;

/**
 * The token volume's name, `kube-api-access-` and five characters of
 * Kubernetes' name alphabet. NOTE: the real plugin draws them at random; they
 * are derived from the pod's namespace, name and creation instant here, so
 * that admission draws nothing from the simulation's PRNG.
 */
function tokenVolumeName(pod: Pod, now: number): string {
  const h = sha256(`${pod.metadata.namespace ?? "default"}/${pod.metadata.name}/${now}`);
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += KUBE_ALPHANUMS[h[i]! % KUBE_ALPHANUMS.length];
  return `kube-api-access-${suffix}`;
}

/**
 * The ServiceAccount plugin: `default` when no account is named, and the
 * projected token mounted read-only in every container unless the pod opts out.
 * NOTE: there are no ServiceAccount objects; every account is taken to exist
 * and to allow automounting.
 */
function admitServiceAccount(pod: Pod, spec: IPodSpec, now: number): void {
  spec.serviceAccountName ||= "default";
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (containers.some((c) => c.volumeMounts?.some((m) => m.mountPath === API_TOKEN_MOUNT_PATH))) return;
  const name = tokenVolumeName(pod, now);
  spec.volumes = [...(spec.volumes ?? []), { name, projected: TOKEN_VOLUME_SOURCE }];
  for (const c of containers) {
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: API_TOKEN_MOUNT_PATH, name, readOnly: true }];
  }
}

/** The Priority plugin: the class's value, or 0 with no class (there is no global default class). */
function admitPriority(pod: Pod, spec: IPodSpec, ctx?: ErrorContext): ApiStatusError | undefined {
  const cls = spec.priorityClassName;
  if (cls) {
    const value = PRIORITY_CLASSES[cls];
    if (value === undefined)
      return forbidden("Pod", pod.metadata.name, `no PriorityClass with name ${cls} was found`, ctx);
    spec.priority = value;
  } else {
    spec.priority = 0;
  }
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  return undefined;
}

/** The DefaultTolerationSeconds plugin: tolerate not-ready and unreachable nodes for 300 s. */
function admitTolerations(spec: IPodSpec): void {
  const tolerations = spec.tolerations;
  if (!tolerations?.length) {
    spec.tolerations = DEFAULT_TOLERATIONS;
    return;
  }
  const added = NO_EXECUTE_KEYS.filter(
    (key) =>
      !tolerations.some(
        (t) =>
          (t.key === key || (!t.key && t.operator === "Exists")) && (!t.effect || t.effect === "NoExecute"),
      ),
  ).map((key) => ({
    effect: "NoExecute" as const,
    key,
    operator: "Exists" as const,
    tolerationSeconds: 300,
  }));
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

/**
 * Runs the Pod admission plugins on a new pod, in place. Throws the plugin's
 * refusal (an unknown PriorityClass is Forbidden). `now` is the creation instant.
 */
export function admitPod(pod: Pod, now: number, ctx?: ErrorContext): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  admitServiceAccount(pod, spec, now);
  const refused = admitPriority(pod, spec, ctx);
  if (refused) throw refused;
  admitTolerations(spec);
}

/**
 * On an update, what admission set on create stays (kubectl apply's three-way
 * merge keeps fields its configuration never named): the service account, the
 * token volume and its mounts, the priority and the default tolerations.
 */
export function keepAdmittedFields(pod: Pod, old: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  const was = old.spec ?? { containers: [] };
  if (!spec.serviceAccountName && was.serviceAccountName) {
    spec.serviceAccountName = was.serviceAccountName;
    spec.serviceAccount = was.serviceAccount;
  }
  const token = was.volumes?.find(
    (v) => v.projected === TOKEN_VOLUME_SOURCE || v.name.startsWith("kube-api-access-"),
  );
  if (token && !spec.volumes?.some((v) => v.name === token.name)) {
    spec.volumes = [...(spec.volumes ?? []), token];
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (c.volumeMounts?.some((m) => m.name === token.name)) continue;
      c.volumeMounts = [
        ...(c.volumeMounts ?? []),
        { mountPath: API_TOKEN_MOUNT_PATH, name: token.name, readOnly: true },
      ];
    }
  }
  if (spec.priority === undefined && was.priority !== undefined) spec.priority = was.priority;
  if (spec.preemptionPolicy === undefined && was.preemptionPolicy !== undefined)
    spec.preemptionPolicy = was.preemptionPolicy;
  if (was.tolerations) admitTolerations(spec);
}
