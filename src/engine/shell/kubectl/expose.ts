import type { AnyObject, Deployment, Pod, ReplicaSet, Service } from "../../api/types";
import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure, notFoundMessage, usageError } from "./errors";
import { type FlagSpec, flag, parseFlags } from "./flags";
import { parseTargets } from "./get/targets";

const FLAGS: FlagSpec[] = [
  { name: "port", type: "string" },
  { name: "target-port", type: "string" },
  { name: "type", type: "string" },
  { name: "name", type: "string" },
  { name: "protocol", type: "string" },
  { name: "selector", type: "string" },
  { name: "labels", short: "l", type: "string" },
];

interface Introspected {
  selector?: Record<string, string>;
  ports: { port: number; protocol?: string }[];
}

/** What `kubectl expose` learns from the object: its selector and container ports. */
function introspect(obj: AnyObject, kind: string): Introspected | { error: string } {
  const fromContainers = (spec: Pod["spec"]) =>
    (spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol })),
    );
  switch (kind) {
    case "Deployment":
    case "ReplicaSet": {
      const d = obj as Deployment | ReplicaSet;
      if (d.spec?.selector.matchExpressions?.length) {
        return {
          error: 'error: couldn\'t convert expressions - "matchExpressions" to map-based selector format',
        };
      }
      return { selector: d.spec?.selector.matchLabels, ports: fromContainers(d.spec?.template?.spec) };
    }
    case "Pod":
      return { selector: obj.metadata.labels, ports: fromContainers((obj as Pod).spec) };
    case "Service": {
      const s = obj as Service;
      return {
        selector: s.spec?.selector,
        ports: (s.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol })),
      };
    }
    default:
      return { error: `error: cannot expose a ${kind}` };
  }
}

function parseKv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const [k, v] = part.split("=");
    if (k) out[k] = v ?? "";
  }
  return out;
}

/** `kubectl expose deployment|pod|svc|rs NAME --port=P`: `service/NAME exposed`. */
export function expose(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl expose");
  if ("error" in parsed) return failure(parsed.error);
  const set = parseTargets(parsed.positional);
  if ("error" in set) return failure(set.error);
  const target = set.targets[0];
  if (target?.names.length !== 1) {
    return usageError("You must provide one or more resources by argument or filename.", "kubectl expose");
  }
  const namespace = flag(parsed, "namespace") ?? "default";
  const name = target.names[0] as string;
  const obj = env.cluster.store.get(target.type.kind, namespace, name);
  if (!obj) return failure(notFoundMessage(target.type, name));
  const info = introspect(obj, target.type.kind);
  if ("error" in info) return failure(info.error);
  const selText = flag(parsed, "selector");
  const selector = selText !== undefined ? parseKv(selText) : info.selector;
  if (!selector || Object.keys(selector).length === 0) {
    return failure("error: couldn't retrieve selectors via --selector flag or introspection");
  }
  const portText = flag(parsed, "port");
  const protocol = flag(parsed, "protocol");
  const targetPort = flag(parsed, "target-port");
  const toTarget = (p: string | undefined, fallback: number) =>
    p === undefined ? fallback : /^\d+$/.test(p) ? Number(p) : p;
  let ports: Record<string, unknown>[];
  if (portText !== undefined) {
    const port = Number(portText);
    ports = [{ port, protocol: protocol ?? "TCP", targetPort: toTarget(targetPort, port) }];
  } else if (info.ports.length > 0) {
    ports = info.ports.map((p, i) => ({
      ...(info.ports.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: p.port,
      protocol: protocol ?? p.protocol ?? "TCP",
      targetPort: toTarget(targetPort, p.port),
    }));
  } else {
    return failure("error: couldn't find port via --port flag or introspection");
  }
  const svcName = flag(parsed, "name") ?? name;
  const labelsText = flag(parsed, "labels");
  const labels = labelsText !== undefined ? parseKv(labelsText) : obj.metadata.labels;
  const type = flag(parsed, "type");
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: svcName, namespace, ...(labels ? { labels } : {}) },
    spec: { ports, selector, ...(type ? { type } : {}) },
  };
  try {
    env.api.create("Service", service);
    return { stdout: `service/${svcName} exposed\n`, stderr: "", exitCode: 0 };
  } catch (e) {
    return failure(errorText(e));
  }
}
