/**
 * Where everything sits in the topology diagram, as plain numbers in world units (CSS pixels at
 * zoom 1): Services in a band at the top, grouped in a frame per namespace, beside the outside
 * client; below, the Nodes in a grid (control plane first), each with its kube-proxy data-plane
 * strip and its pods grouped by namespace. Sizes are set so that every label is at least 13 units
 * tall. Pure: no DOM, testable in Node.
 */
import type { NodeView, PodView, ServiceView, TopologyView } from "../../../engine/view/topology";
import { GAP, LINE, NODE, PAD, POD, SVC } from "./metrics";
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

/** A namespace's pods on one node, under its name. */
export interface PodGroup {
  namespace: string;
  /** Where the namespace's name is written (its baseline's left end). */
  label: { x: number; y: number };
  /** The band behind the group's pods. */
  box: Box;
}

export interface DataPlaneStrip extends Box {
  /** `KUBE-SERVICES`, `kube-ipvs0` or `service-ips`: what a packet walks or looks up. */
  name: string;
  count: number;
  unit: "rules" | "virtualServers" | "elements";
}

export interface NodeBox extends Box {
  node: NodeView;
  dataPlane: DataPlaneStrip;
  pods: PodBox[];
  groups: PodGroup[];
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

/** A namespace's Services in the band, framed and named. */
export interface ServiceGroup extends Box {
  namespace: string;
}

export interface TopologyLayout {
  width: number;
  height: number;
  outside: Box;
  services: ServiceBox[];
  serviceGroups: ServiceGroup[];
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

/** The world size to lay out for: the width to fill and the height it should fit in if it can. */
export interface LayoutSize {
  width: number;
  height: number;
}

export const WORLD_WIDTH = 1200;
/** Narrower than this, the outside client gets a row of its own and Service boxes shrink to two a row. */
const NARROW = 600;
/** More Service boxes than this are summarized: 10,000 boxes would be a wall no one reads, drawn in one task. */
export const MAX_DRAWN_SERVICES = 40;
/** Beyond this many Services the band draws smaller boxes (name and address only). */
const MAX_LABELLED_SERVICES = 24;
/** Sorts like `localeCompare` without building a collator per comparison (10,000 names). */
const collator = new Intl.Collator();
const byNumericName = new Intl.Collator("en", { numeric: true });

/** Lays out a whole view to fill `size.width`, choosing node columns that fit `size.height` best. */
export function layoutTopology(
  view: TopologyView,
  size: LayoutSize = { width: WORLD_WIDTH, height: Number.POSITIVE_INFINITY },
): TopologyLayout {
  const { width } = size;
  // A narrow diagram (a phone) puts the outside client on a row of its own above the Services.
  const narrow = width < NARROW;
  const outside: Box = { x: PAD, y: PAD, w: SVC.outsideW, h: narrow ? SVC.outsideNarrowH : SVC.outsideH };
  const band = narrow
    ? layoutServices(view, PAD, outside.y + outside.h + GAP, width - PAD)
    : layoutServices(view, PAD + SVC.outsideW + GAP, PAD, width - PAD);
  const bandBottom = Math.max(outside.y + outside.h, band.bottom);
  const nodeTop = bandBottom + GAP * 2.5;
  const nodes = bestNodeGrid(view, nodeTop, width, size.height);
  const pods: Record<string, PodBox> = {};
  for (const n of nodes.boxes) for (const p of n.pods) pods[p.key] = p;
  const unscheduledPods = view.pods
    .filter((p) => !p.node || !nodes.boxes.some((n) => n.node.name === p.node))
    .sort(byPodKey);
  const unscheduled = placePods(unscheduledPods, {
    x: PAD,
    y: nodes.bottom + GAP,
    w: width - 2 * PAD,
    h: 0,
  }).pods;
  for (const p of unscheduled) pods[p.key] = p;
  const bottom = unscheduled.length ? Math.max(...unscheduled.map((p) => p.y + p.h)) : nodes.bottom;
  const endpointsOf = endpointIndex(view);
  return {
    width,
    height: bottom + PAD,
    outside,
    services: band.services.map((s) => ({ ...s, endpoints: endpointsOf(s.service) })),
    serviceGroups: band.groups,
    nodes: nodes.boxes,
    unscheduled,
    pods,
    hiddenServices: band.hiddenServices,
    ...(band.more ? { more: band.more } : {}),
  };
}

/** The node grid whose height best fits `height`: all nodes in one row when they fit, fewer columns when not. */
function bestNodeGrid(
  view: TopologyView,
  top: number,
  width: number,
  height: number,
): { boxes: NodeBox[]; bottom: number } {
  const sorted = [...view.nodes].sort(byRoleThenName);
  const podsByNode = new Map<string, PodView[]>();
  for (const p of view.pods) if (p.node) podsByNode.set(p.node, [...(podsByNode.get(p.node) ?? []), p]);
  for (const list of podsByNode.values()) list.sort(byPodKey);
  const n = sorted.length;
  if (n === 0) return { boxes: [], bottom: top };
  const maxCols = Math.max(1, Math.min(n, Math.floor((width - 2 * PAD + GAP) / (NODE.minW + GAP))));
  let best: { boxes: NodeBox[]; bottom: number; fit: number; compact: boolean } | null = null;
  for (let cols = maxCols; cols >= 1; cols--) {
    const grid = nodeGrid(view, sorted, podsByNode, cols, top, width);
    const fit = Math.min(1, height / (grid.bottom + PAD));
    const compact = grid.boxes.some((b) => b.pods.some((p) => p.compact));
    const better =
      !best ||
      fit > best.fit + 1e-9 ||
      // As good a fit: labelled pods beat glyphs (more columns come first, so they win other ties).
      (Math.abs(fit - best.fit) <= 1e-9 && best.compact && !compact);
    if (better) best = { ...grid, fit, compact };
  }
  return best!;
}

function nodeGrid(
  view: TopologyView,
  sorted: NodeView[],
  podsByNode: ReadonlyMap<string, PodView[]>,
  cols: number,
  top: number,
  width: number,
): { boxes: NodeBox[]; bottom: number } {
  const w = (width - 2 * PAD - (cols - 1) * GAP) / cols;
  const boxes: NodeBox[] = [];
  let y = top;
  for (let row = 0; row * cols < sorted.length; row++) {
    let rowH = 0;
    const first = boxes.length;
    for (let c = 0; c < cols && row * cols + c < sorted.length; c++) {
      const node = sorted[row * cols + c]!;
      const x = PAD + c * (w + GAP);
      const strip = {
        x: x + NODE.inner,
        y: y + NODE.header + NODE.caption,
        w: w - 2 * NODE.inner,
        h: NODE.stripH,
      };
      const inner = { x: x + NODE.inner, y: strip.y + strip.h + NODE.inner, w: w - 2 * NODE.inner, h: 0 };
      const placed = placePods(podsByNode.get(node.name) ?? [], inner);
      const h = Math.max(placed.bottom, inner.y + POD.h / 2) + NODE.inner - y;
      rowH = Math.max(rowH, h);
      boxes.push({
        node,
        x,
        y,
        w,
        h,
        pods: placed.pods,
        groups: placed.groups,
        dataPlane: { ...strip, ...dataPlane(view, node) },
      });
    }
    for (const b of boxes.slice(first)) b.h = rowH;
    y += rowH + GAP;
  }
  return { boxes, bottom: y - GAP };
}

/**
 * Pods in namespace groups, each under its namespace's name: labelled boxes while every group
 * fits in a few rows, small glyphs beyond.
 */
function placePods(
  list: readonly PodView[],
  area: Box,
): { pods: PodBox[]; groups: PodGroup[]; bottom: number } {
  const byNamespace = new Map<string, PodView[]>();
  for (const p of list) byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p]);
  const labelledCols = Math.max(1, Math.floor((area.w + POD.gap) / (POD.minW + POD.gap)));
  const labelledRows = [...byNamespace.values()].reduce((n, g) => n + Math.ceil(g.length / labelledCols), 0);
  const compact = labelledRows > POD.maxLabelledRows;
  const cols = compact
    ? Math.max(1, Math.floor((area.w + POD.glyphGap) / (POD.glyph + POD.glyphGap)))
    : labelledCols;
  const gap = compact ? POD.glyphGap : POD.gap;
  const w = compact ? POD.glyph : (area.w - (cols - 1) * gap) / cols;
  const h = compact ? POD.glyph : POD.h;
  const pods: PodBox[] = [];
  const groups: PodGroup[] = [];
  let y = area.y;
  for (const [namespace, members] of byNamespace) {
    const labelY = y + LINE.small;
    const top = labelY + POD.groupLabelGap;
    members.forEach((pod, i) => {
      pods.push({
        key: `${pod.namespace}/${pod.name}`,
        pod,
        compact,
        x: area.x + (i % cols) * (w + gap),
        y: top + Math.floor(i / cols) * (h + gap),
        w,
        h,
      });
    });
    const bottom = top + Math.ceil(members.length / cols) * (h + gap) - gap;
    groups.push({
      namespace,
      label: { x: area.x + 2, y: labelY },
      box: { x: area.x - 4, y: y - 2, w: area.w + 8, h: bottom - y + 6 },
    });
    y = bottom + POD.groupGap;
  }
  return { pods, groups, bottom: groups.length ? y - POD.groupGap : area.y };
}

interface Band {
  services: Omit<ServiceBox, "endpoints">[];
  groups: ServiceGroup[];
  hiddenServices: number;
  more?: Box;
  bottom: number;
}

/** The Services band: one framed group per namespace, flowing left to right and wrapping. */
function layoutServices(view: TopologyView, left: number, top: number, right: number): Band {
  const list = drawnServices(view.services);
  const compact = list.length > MAX_LABELLED_SERVICES;
  const lines = list.map((s) => (compact ? [s.name, vip(s)] : serviceLines(s)));
  const room = right - left;
  // Two boxes a row at least (two namespaces' frames of one Service each, or one frame of two),
  // down to the width their address lines need.
  const twoUp = (room - 4 * SVC.framePad - SVC.gap) / 2;
  const w = compact ? Math.min(SVC.compactW, twoUp) : Math.max(SVC.minW, Math.min(SVC.w, twoUp));
  const h = compact ? SVC.compactH : SVC.boxH(Math.max(3, ...lines.map((l) => l.length)));
  const byNamespace = new Map<string, number[]>();
  for (const [i, s] of list.entries())
    byNamespace.set(s.namespace, [...(byNamespace.get(s.namespace) ?? []), i]);
  const services: Omit<ServiceBox, "endpoints">[] = [];
  const groups: ServiceGroup[] = [];
  const perRow = Math.max(1, Math.floor((room - 2 * SVC.framePad + SVC.gap) / (w + SVC.gap)));
  let x = left;
  let y = top;
  let rowH = 0;
  for (const [namespace, members] of byNamespace) {
    const cols = Math.min(perRow, members.length);
    const gw = 2 * SVC.framePad + cols * w + (cols - 1) * SVC.gap;
    const rows = Math.ceil(members.length / cols);
    const gh = SVC.frameHead + SVC.framePad + rows * h + (rows - 1) * SVC.gap;
    if (x > left && x + gw > right) {
      x = left;
      y += rowH + SVC.gap;
      rowH = 0;
    }
    groups.push({ namespace, x, y, w: gw, h: gh });
    members.forEach((index, i) => {
      const service = list[index]!;
      services.push({
        key: keyOf(service),
        service,
        compact,
        lines: lines[index]!,
        x: x + SVC.framePad + (i % cols) * (w + SVC.gap),
        y: y + SVC.frameHead + Math.floor(i / cols) * (h + SVC.gap),
        w,
        h,
      });
    });
    x += gw + SVC.gap;
    rowH = Math.max(rowH, gh);
  }
  const hiddenServices = serviceTotal(view) - list.length;
  let more: Box | undefined;
  if (hiddenServices > 0) {
    if (x > left && x + SVC.moreW > right) {
      x = left;
      y += rowH + SVC.gap;
      rowH = 0;
    }
    more = { x, y: y + SVC.frameHead, w: SVC.moreW, h: LINE.normal * 2 };
    rowH = Math.max(rowH, SVC.frameHead + more.h);
  }
  return { services, groups, hiddenServices, ...(more ? { more } : {}), bottom: y + rowH };
}

/**
 * The Services drawn, by namespace then name: all of them up to `MAX_DRAWN_SERVICES`, else the
 * first ones and kube-dns (where a DNS lookup's packet goes).
 */
function drawnServices(all: readonly ServiceView[]): ServiceView[] {
  const sorted = [...all].sort((a, b) => collator.compare(keyOf(a), keyOf(b)));
  if (sorted.length <= MAX_DRAWN_SERVICES) return sorted;
  const drawn = sorted.slice(0, MAX_DRAWN_SERVICES);
  const dns = sorted.find((s) => keyOf(s) === "kube-system/kube-dns");
  if (dns && !drawn.includes(dns)) drawn[drawn.length - 1] = dns;
  return drawn.sort((a, b) => collator.compare(keyOf(a), keyOf(b)));
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

/** Endpoint pods of a Service (by the endpoint's pod, else by its IP), each once. */
function endpointIndex(view: TopologyView): (s: ServiceView) => { pod: string; ready: boolean }[] {
  const byIp = new Map(view.pods.filter((p) => p.ip).map((p) => [p.ip!, `${p.namespace}/${p.name}`]));
  return (s) => {
    const seen = new Set<string>();
    const out: { pod: string; ready: boolean }[] = [];
    for (const e of s.endpoints) {
      const pod = e.pod ?? byIp.get(e.ip);
      if (!pod || seen.has(pod)) continue;
      seen.add(pod);
      out.push({ pod, ready: e.ready });
    }
    return out;
  };
}

/** The strip a packet enters on the node: what kube-proxy programmed there. */
function dataPlane(view: TopologyView, node: NodeView): Omit<DataPlaneStrip, keyof Box> {
  const count = node.dataPlane?.primary ?? 0;
  if (view.proxyMode === "ipvs") return { name: "kube-ipvs0", count, unit: "virtualServers" };
  if (view.proxyMode === "nftables") return { name: "service-ips", count, unit: "elements" };
  return { name: "KUBE-SERVICES", count, unit: "rules" };
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
