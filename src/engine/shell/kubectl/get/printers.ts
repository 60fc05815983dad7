import type { AnyObject, Kind, KindMap } from "../../../api/types";
import { humanDuration } from "../../../util/duration";
import { formatEndpointsForPort } from "../describe/endpointsFormat";
import type { ServedKind } from "../kindViews";
import { formatLabelSelector, formatLabels } from "../selector";
import { podReady, podRestarts, podStatusReason } from "./podStatus";
import { serviceColumns } from "./servicePrinter";

/** What a row printer may read besides the object. */
export interface PrintContext {
  now: number;
  wide: boolean;
}

/** The columns `kubectl get` prints for one kind (`pkg/printers/internalversion/printers.go`). */
export interface TablePrinter {
  headers: string[];
  wideHeaders: string[];
  row(obj: AnyObject, ctx: PrintContext): string[];
  wideRow(obj: AnyObject, ctx: PrintContext): string[];
}

/** AGE from creationTimestamp, `<unknown>` when unset. */
export function age(obj: AnyObject, now: number): string {
  const ts = obj.metadata.creationTimestamp;
  if (!ts) return "<unknown>";
  return humanDuration(now - Date.parse(ts));
}

function printer<K extends Kind>(
  _kind: K,
  headers: string[],
  row: (o: KindMap[K], ctx: PrintContext) => string[],
  wideHeaders: string[] = [],
  wideRow: (o: KindMap[K], ctx: PrintContext) => string[] = () => [],
): TablePrinter {
  return {
    headers,
    wideHeaders,
    row: (o, ctx) => row(o as KindMap[K], ctx),
    wideRow: (o, ctx) => wideRow(o as KindMap[K], ctx),
  };
}

function listWithMore(list: string[], count: number): string {
  const max = 3;
  const ret = list.slice(0, max).join(",");
  if (count > max) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

interface PodTemplateLike {
  spec?: { containers?: { name: string; image?: string }[] };
}

function containerColumns(template: PodTemplateLike | undefined): string[] {
  const cs = template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(","), cs.map((c) => c.image ?? "").join(",")];
}

function nodeStatus(node: KindMap["Node"]): string {
  const ready = node.status?.conditions?.find((c) => c.type === "Ready");
  const parts = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) parts.push("SchedulingDisabled");
  return parts.join(",");
}

function nodeRoles(node: KindMap["Node"]): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) roles.add(k.slice("node-role.kubernetes.io/".length));
    else if (k === "kubernetes.io/role") roles.add(v);
  }
  const list = [...roles].filter((r) => r !== "").sort();
  return list.length > 0 ? list.join(",") : "<none>";
}

function nodeAddress(node: KindMap["Node"], type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

/** Every served kind's `kubectl get` columns: a kind kubectl serves cannot lack one. */
export const PRINTERS: { readonly [K in ServedKind]: TablePrinter } = {
  Service: printer(
    "Service",
    ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
    (s, ctx) => serviceColumns(s, ctx.wide, age(s, ctx.now)),
    ["SELECTOR"],
    (s) => [formatLabels(s.spec?.selector)],
  ),
  Endpoints: printer("Endpoints", ["NAME", "ENDPOINTS", "AGE"], (e, ctx) => [
    e.metadata.name,
    formatEndpointsForPort(e),
    age(e, ctx.now),
  ]),
  EndpointSlice: printer("EndpointSlice", ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], (s, ctx) => {
    const ports = s.ports ?? [];
    const portList = ports.map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? "*")));
    const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
    return [
      s.metadata.name,
      s.addressType,
      listWithMore(portList, ports.length),
      listWithMore(addrs, addrs.length),
      age(s, ctx.now),
    ];
  }),
  Pod: printer(
    "Pod",
    ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
    (p, ctx) => [p.metadata.name, podReady(p), podStatusReason(p), podRestarts(p, ctx.now), age(p, ctx.now)],
    ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
    (p) => {
      const gates = p.spec?.readinessGates ?? [];
      const conds = p.status?.conditions ?? [];
      const trueGates = gates.filter((g) =>
        conds.some((c) => c.type === g.conditionType && c.status === "True"),
      ).length;
      return [
        p.status?.podIPs?.[0]?.ip || p.status?.podIP || "<none>",
        p.spec?.nodeName || "<none>",
        p.status?.nominatedNodeName || "<none>",
        gates.length > 0 ? `${trueGates}/${gates.length}` : "<none>",
      ];
    },
  ),
  Deployment: printer(
    "Deployment",
    ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
    (d, ctx) => [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      String(d.status?.updatedReplicas ?? 0),
      String(d.status?.availableReplicas ?? 0),
      age(d, ctx.now),
    ],
    ["CONTAINERS", "IMAGES", "SELECTOR"],
    (d) => [...containerColumns(d.spec?.template), formatLabelSelector(d.spec?.selector)],
  ),
  ReplicaSet: printer(
    "ReplicaSet",
    ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    (r, ctx) => [
      r.metadata.name,
      String(r.spec?.replicas ?? 1),
      String(r.status?.replicas ?? 0),
      String(r.status?.readyReplicas ?? 0),
      age(r, ctx.now),
    ],
    ["CONTAINERS", "IMAGES", "SELECTOR"],
    (r) => [...containerColumns(r.spec?.template), formatLabelSelector(r.spec?.selector)],
  ),
  Node: printer(
    "Node",
    ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
    (n, ctx) => [
      n.metadata.name,
      nodeStatus(n),
      nodeRoles(n),
      age(n, ctx.now),
      n.status?.nodeInfo?.kubeletVersion ?? "",
    ],
    ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
    (n) => {
      const info = n.status?.nodeInfo;
      return [
        nodeAddress(n, "InternalIP"),
        nodeAddress(n, "ExternalIP"),
        info?.osImage || "<unknown>",
        info?.kernelVersion || "<unknown>",
        info?.containerRuntimeVersion || "<unknown>",
      ];
    },
  ),
  Namespace: printer("Namespace", ["NAME", "STATUS", "AGE"], (n, ctx) => [
    n.metadata.name,
    n.status?.phase ?? "Active",
    age(n, ctx.now),
  ]),
  ConfigMap: printer("ConfigMap", ["NAME", "DATA", "AGE"], (c, ctx) => [
    c.metadata.name,
    String(Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length),
    age(c, ctx.now),
  ]),
  Lease: printer("Lease", ["NAME", "HOLDER", "AGE"], (l, ctx) => [
    l.metadata.name,
    l.spec?.holderIdentity ?? "",
    age(l, ctx.now),
  ]),
};

/** The table printer for a served kind. */
export function printerFor(kind: ServedKind): TablePrinter {
  return PRINTERS[kind];
}
