/**
 * `describeContainers` and its parts: what `kubectl describe` prints for each
 * container of a pod or a pod template.
 */
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IContainerStatus } from "kubernetes-models/v1/ContainerStatus";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IProbe } from "kubernetes-models/v1/Probe";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import { formatQuantity, quantityOf } from "../../../api/quantity";
import { printBool, rfc1123z } from "./common";
import type { PrefixWriter } from "./writer";

type ContainerState = NonNullable<IContainerStatus["state"]>;

/** Resolves an env var's fieldRef to its value (`EnvValueRetriever`); absent for templates. */
export type EnvResolver = (e: IEnvVar) => string;

function writeState(w: PrefixWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** `describeResources`: limits, then requests, each sorted by name. */
export function writeResources(
  w: PrefixWriter,
  resources: IContainer["resources"] | undefined,
  level: number,
): void {
  for (const [title, list] of [
    ["Limits", resources?.limits],
    ["Requests", resources?.requests],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const k of keys) w.write(level + 1, `${k}:\t${formatQuantity(quantityOf(list?.[k]))}\n`);
  }
}

/** An IntOrString as Go's `IntOrString.String()` prints it. */
const intOrString = (v: number | string | undefined): string => (v === undefined ? "0" : String(v));

/** `DescribeProbe`. */
export function describeProbe(p: IProbe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = intOrString(g.port);
    const host = g.host ?? "";
    const hostPort = host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
    const path = g.path ? (g.path.startsWith("/") ? g.path : `/${g.path}`) : "";
    // Go's url.URL.String(): no scheme prints `//host`.
    const scheme = g.scheme ? `${g.scheme.toLowerCase()}:` : "";
    return `http-get ${scheme}//${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeEnv(w: PrefixWriter, c: IContainer, resolve: EnvResolver | undefined): void {
  const env = c.env ?? [];
  w.write(2, env.length === 0 ? "Environment:\t<none>\n" : "Environment:\n");
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? "").split("\n").forEach((s, i) => {
        w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
    } else if (from.fieldRef) {
      const value = resolve ? resolve(e) : "";
      w.write(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ""}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${from.resourceFieldRef.resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ""}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ""}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function writeEnvFrom(w: PrefixWriter, c: IContainer): void {
  const list = c.envFrom ?? [];
  if (list.length === 0) return;
  w.write(2, "Environment Variables from:\n");
  for (const e of list) {
    const [from, ref] = e.configMapRef
      ? ["ConfigMap", e.configMapRef]
      : e.secretRef
        ? ["Secret", e.secretRef]
        : ["", undefined];
    const optional = ref?.optional === true;
    const source = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(3, `${ref?.name ?? ""}\t${source}\tOptional: ${optional}\n`);
  }
}

function writeMounts(w: PrefixWriter, c: IContainer): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  w.write(2, mounts.length === 0 ? "Mounts:\t<none>\n" : "Mounts:\n");
  for (const m of mounts) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
}

/**
 * `describeContainers`: the `Containers:` title, then each container. `space`
 * is the template's indent (`"  "` under `Pod Template:`); `statuses` only for pods.
 */
export function writeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly IContainer[],
  statuses: readonly IContainerStatus[] | undefined,
  space: string,
  resolve?: EnvResolver,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(1, `${space ? " " : ""}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ""}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ""}`).join(", ");
    w.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    for (const [title, list] of [
      ["Command", c.command],
      ["Args", c.args],
    ] as const) {
      if (!list?.length) continue;
      w.write(2, `${title}:\n`);
      for (const s of list.flatMap((x) => x.split("\n"))) w.write(3, `${s}\n`);
    }
    if (status) {
      writeState(w, "State", status.state);
      if (status.lastState?.terminated) writeState(w, "Last State", status.lastState);
      w.write(2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    writeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    writeEnvFrom(w, c);
    writeEnv(w, c, resolve);
    writeMounts(w, c);
  }
}

/** Tolerations as `printPodTolerationsMultiline` prints them, sorted by key. */
export function writeTolerations(
  w: PrefixWriter,
  title: string,
  tolerations: readonly IToleration[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : 1));
  if (list.length === 0) {
    w.append("<none>\n");
    return;
  }
  list.forEach((t, i) => {
    let s = i > 0 ? "\t" : "";
    s += t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.append(`${s}\n`);
  });
}
