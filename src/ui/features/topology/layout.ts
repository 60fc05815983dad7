/**
 * Where everything sits in the topology diagram, as plain numbers in world
 * units: Nodes as boxes in a grid (control plane first), each with its
 * kube-proxy data-plane strip and its pods, Services as VIP boxes in a band
 * above, and an outside client anchor. Pure: no DOM, testable in Node.
 */
import type { NodeView, PodView, ServiceView, TopologyView } from "../../../engine/view/topology";
import { serviceTotal } from "./serviceTotal";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PodBox extends Box {
  /** `namespace/name`. */
  key: string;
  pod: PodView;
  /** A small glyph without text: the node holds too many pods for labelled boxes. */
  compact: boolean;
}

export interface DataPlaneStrip extends Box {
  /** `KUBE-SERVICES`, `kube-ipvs0` or `service-ips`: what a packet walks or looks up. */
  name: string;
  count: number;
  unit: "rules" | "virtual servers" | "elements";
  label: string;
}

export interface NodeBox extends Box {
  node: NodeView;
  dataPlane: DataPlaneStrip;
  pods: PodBox[];
}

export interface ServiceBox extends Box {
  /** `namespace/name`. */
  key: string;
  service: ServiceView;
  /** The text lines drawn in the box: name, type, ClusterIP:port, NodePorts. */
  lines: string[];
  compact: boolean;
  /** Endpoint pods (keys into `pods`) with their readiness. */
  endpoints: { pod: string; ready: boolean }[];
}

export interface TopologyLayout {
  width: number;
  height: number;
  outside: Box;
  services: ServiceBox[];
  nodes: NodeBox[];
  /** Pods with no node yet, in a row under the nodes. */
  unscheduled: PodBox[];
  /** Every pod glyph by `namespace/name`. */
  pods: Record<string, PodBox>;
  /** Services in the view but not drawn (beyond `MAX_DRAWN_SERVICES`), summarized where `more` sits. */
  hiddenServices: number;
  /** The "+N more Services" label's place in the band, when some are hidden. */
  more?: Box;
}

export const WORLD_WIDTH = 1200;
const PAD = 16;
const GAP = 16;
const NODE_HEADER = 38;
const STRIP_H = 20;
const NODE_INNER = 10;
const POD_MIN_W = 112;
const POD_H = 34;
const POD_GAP = 6;
const MAX_LABELLED_ROWS = 4;
const GLYPH = 12;
const GLYPH_GAP = 3;
const OUTSIDE_W = 120;
const SVC_W = 176;
const SVC_H = 50;
const SVC_COMPACT_W = 128;
const SVC_COMPACT_H = 30;
const MAX_LABELLED_SERVICES = 24;
/** More Service boxes than this are summarized: 10,000 boxes would be a wall no one reads, drawn in one task. */
export const MAX_DRAWN_SERVICES = 40;
/** Sorts like `localeCompare` without building a collator per comparison (10,000 names). */
const collator = new Intl.Collator();
const byNumericName = new Intl.Collator("en", { numeric: true });

/** Lays out a whole view. `width` is the world width (the view fits it to the screen). */
export function layoutTopology(view: TopologyView, width = WORLD_WIDTH): TopologyLayout {
  const pods: Record<string, PodBox> = {};
  const outside: Box = { x: PAD, y: PAD, w: OUTSIDE_W, h: SVC_H };
  const { services, hiddenServices, more } = layoutServices(view, PAD + OUTSIDE_W + GAP, PAD, width - PAD);
  const bandBottom = Math.max(
    outside.y + outside.h,
    ...services.map((s) => s.y + s.h),
    more ? more.y + more.h : 0,
  );
  const nodeTop = bandBottom + GAP * 3;
  const nodes = layoutNodes(view, nodeTop, width, pods);
  const nodesBottom = Math.max(nodeTop, ...nodes.map((n) => n.y + n.h));
  const unscheduled = placePods(
    view.pods.filter((p) => !p.node || !nodes.some((n) => n.node.name === p.node)).sort(byPodKey),
    { x: PAD, y: nodesBottom + GAP, w: width - 2 * PAD, h: 0 },
    pods,
  );
  const bottom = unscheduled.length ? Math.max(...unscheduled.map((p) => p.y + p.h)) : nodesBottom;
  return {
    width,
    height: bottom + PAD,
    outside,
    services,
    nodes,
    unscheduled,
    pods,
    hiddenServices,
    ...(more ? { more } : {}),
  };
}

function layoutNodes(
  view: TopologyView,
  top: number,
  width: number,
  pods: Record<string, PodBox>,
): NodeBox[] {
  const sorted = [...view.nodes].sort(byRoleThenName);
  const n = sorted.length;
  if (n === 0) return [];
  const cols = n <= 4 ? n : Math.ceil(Math.sqrt(n * 1.6));
  const w = (width - 2 * PAD - (cols - 1) * GAP) / cols;
  const byNode = new Map<string, PodView[]>();
  for (const p of view.pods) if (p.node) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
  const boxes: NodeBox[] = [];
  let y = top;
  for (let row = 0; row * cols < n; row++) {
    let rowH = 0;
    for (let c = 0; c < cols && row * cols + c < n; c++) {
      const node = sorted[row * cols + c]!;
      const x = PAD + c * (w + GAP);
      const inner = {
        x: x + NODE_INNER,
        y: y + NODE_HEADER + STRIP_H + NODE_INNER,
        w: w - 2 * NODE_INNER,
        h: 0,
      };
      const placed = placePods((byNode.get(node.name) ?? []).sort(byPodKey), inner, pods);
      const podsBottom = placed.length ? Math.max(...placed.map((p) => p.y + p.h)) : inner.y + POD_H / 2;
      const h = podsBottom + NODE_INNER - y;
      rowH = Math.max(rowH, h);
      const strip = { x: x + NODE_INNER, y: y + NODE_HEADER, w: w - 2 * NODE_INNER, h: STRIP_H };
      boxes.push({ node, x, y, w, h, pods: placed, dataPlane: { ...strip, ...dataPlaneLabel(view, node) } });
    }
    for (const b of boxes.slice(row * cols)) b.h = rowH;
    y += rowH + GAP;
  }
  return boxes;
}

/** Labelled boxes while they fit in a few rows, compact glyphs beyond. */
function placePods(list: PodView[], area: Box, index: Record<string, PodBox>): PodBox[] {
  const labelledCols = Math.max(1, Math.floor((area.w + POD_GAP) / (POD_MIN_W + POD_GAP)));
  const compact = list.length > labelledCols * MAX_LABELLED_ROWS;
  const cols = compact ? Math.max(1, Math.floor((area.w + GLYPH_GAP) / (GLYPH + GLYPH_GAP))) : labelledCols;
  const gap = compact ? GLYPH_GAP : POD_GAP;
  const w = compact ? GLYPH : (area.w - (cols - 1) * gap) / cols;
  const h = compact ? GLYPH : POD_H;
  return list.map((pod, i) => {
    const key = `${pod.namespace}/${pod.name}`;
    const box: PodBox = {
      key,
      pod,
      compact,
      x: area.x + (i % cols) * (w + gap),
      y: area.y + Math.floor(i / cols) * (h + gap),
      w,
      h,
    };
    index[key] = box;
    return box;
  });
}

function layoutServices(
  view: TopologyView,
  left: number,
  top: number,
  right: number,
): { services: ServiceBox[]; hiddenServices: number; more?: Box } {
  const list = drawnServices(view.services);
  const compact = list.length > MAX_LABELLED_SERVICES;
  const w = compact ? SVC_COMPACT_W : SVC_W;
  const h = compact ? SVC_COMPACT_H : SVC_H;
  const cols = Math.max(1, Math.floor((right - left + GAP / 2) / (w + GAP / 2)));
  const byIp = new Map(view.pods.filter((p) => p.ip).map((p) => [p.ip!, `${p.namespace}/${p.name}`]));
  const at = (i: number): Box => ({
    x: left + (i % cols) * (w + GAP / 2),
    y: top + Math.floor(i / cols) * (h + GAP / 2),
    w,
    h,
  });
  const services = list.map((service, i) => ({
    key: keyOf(service),
    service,
    compact,
    lines: compact ? [service.name, vip(service)] : serviceLines(service),
    endpoints: endpointPods(byIp, service),
    ...at(i),
  }));
  const hiddenServices = serviceTotal(view) - list.length;
  return hiddenServices > 0
    ? { services, hiddenServices, more: at(list.length) }
    : { services, hiddenServices };
}

/**
 * The Services drawn, in name order: all of them up to `MAX_DRAWN_SERVICES`,
 * else the first ones and kube-dns (where a DNS lookup's packet goes).
 */
function drawnServices(all: readonly ServiceView[]): ServiceView[] {
  const sorted = [...all].sort((a, b) => collator.compare(keyOf(a), keyOf(b)));
  if (sorted.length <= MAX_DRAWN_SERVICES) return sorted;
  const drawn = sorted.slice(0, MAX_DRAWN_SERVICES);
  const dns = sorted.find((s) => keyOf(s) === "kube-system/kube-dns");
  if (dns && !drawn.includes(dns)) drawn[drawn.length - 1] = dns;
  return drawn;
}

/** `name`, `type`, `ClusterIP:port`, then NodePorts / LB IPs when there are any. */
export function serviceLines(s: ServiceView): string[] {
  const lines = [s.name, s.type === "ClusterIP" && s.headless ? "ClusterIP (headless)" : s.type, vip(s)];
  const nodePorts = s.ports.flatMap((p) => (p.nodePort ? [`:${p.nodePort}`] : []));
  const extra = [
    ...(nodePorts.length ? [`NodePort ${nodePorts.join(" ")}`] : []),
    ...s.loadBalancerIPs.map((ip) => `LB ${ip}`),
  ];
  return extra.length ? [...lines, extra.join(" · ")] : lines;
}

function vip(s: ServiceView): string {
  if (s.externalName) return s.externalName;
  if (s.headless || !s.clusterIP) return "None";
  const port = s.ports[0];
  return port
    ? `${s.clusterIP}:${port.port}${s.ports.length > 1 ? ` +${s.ports.length - 1}` : ""}`
    : s.clusterIP;
}

function endpointPods(byIp: ReadonlyMap<string, string>, s: ServiceView): { pod: string; ready: boolean }[] {
  const seen = new Set<string>();
  const out: { pod: string; ready: boolean }[] = [];
  for (const e of s.endpoints) {
    const pod = e.pod ?? byIp.get(e.ip);
    if (!pod || seen.has(pod)) continue;
    seen.add(pod);
    out.push({ pod, ready: e.ready });
  }
  return out;
}

/** The strip a packet enters on the node: what kube-proxy programmed there. */
function dataPlaneLabel(view: TopologyView, node: NodeView): Omit<DataPlaneStrip, keyof Box> {
  const count = node.dataPlane?.primary ?? 0;
  const [name, unit] =
    view.proxyMode === "ipvs"
      ? (["kube-ipvs0", "virtual servers"] as const)
      : view.proxyMode === "nftables"
        ? (["service-ips", "elements"] as const)
        : (["KUBE-SERVICES", "rules"] as const);
  return { name, count, unit, label: `${name} · ${count} ${unit}` };
}

function byRoleThenName(a: NodeView, b: NodeView): number {
  const cp = Number(b.roles.includes("control-plane")) - Number(a.roles.includes("control-plane"));
  return cp || byNumericName.compare(a.name, b.name);
}

function byPodKey(a: PodView, b: PodView): number {
  return byNumericName.compare(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`);
}

function keyOf(s: { namespace: string; name: string }): string {
  return `${s.namespace}/${s.name}`;
}

export { hopPosition } from "./hopPosition";
