/**
 * Where everything sits in the topology diagram, as plain numbers in world units (CSS pixels at
 * zoom 1): Services in a band at the top, grouped in a frame per namespace, beside the outside
 * client; below, the Nodes in a grid (control plane first), each with its kube-proxy data-plane
 * strip and its pods grouped by namespace. Sizes are set so that every label is at least 13 units
 * tall. Pure: no DOM, testable in Node.
 */
import type { NodeView, PodView, ServiceView, TopologyView } from "../../../engine/view/topology";
import { GAP, LINE, PAD, SVC } from "./metrics";
import { bestNodeGrid, type PreparedPods, placePods, preparePods } from "./nodeGrid";
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

/**
 * What laying a view out needs of it whatever the size (nodes and pods sorted and grouped, the
 * Services drawn, endpoints by pod IP): made once when several sizes are tried (fit.ts).
 */
export interface PreparedView {
  view: TopologyView;
  pods: PreparedPods;
  /** The Services drawn, by namespace then name. */
  drawn: ServiceView[];
  endpointsOf: (s: ServiceView) => { pod: string; ready: boolean }[];
}

export function prepareLayout(view: TopologyView): PreparedView {
  return {
    view,
    pods: preparePods(view),
    drawn: drawnServices(view.services),
    endpointsOf: endpointIndex(view),
  };
}

/** Lays out a whole view to fill `size.width`, choosing node columns that fit `size.height` best. */
export function layoutTopology(
  view: TopologyView,
  size: LayoutSize = { width: WORLD_WIDTH, height: Number.POSITIVE_INFINITY },
  prepared: PreparedView = prepareLayout(view),
): TopologyLayout {
  const { width } = size;
  const { outside, band, nodes } = frameAndNodes(prepared, size);
  const pods: Record<string, PodBox> = {};
  for (const n of nodes.boxes) for (const p of n.pods) pods[p.key] = p;
  const unscheduled = placeUnscheduled(prepared, nodes.bottom, width);
  for (const p of unscheduled) pods[p.key] = p;
  return {
    width,
    height: bottomOf(unscheduled, nodes.bottom) + PAD,
    outside,
    services: band.services.map((s) => ({ ...s, endpoints: prepared.endpointsOf(s.service) })),
    serviceGroups: band.groups,
    nodes: nodes.boxes,
    unscheduled,
    pods,
    hiddenServices: band.hiddenServices,
    ...(band.more ? { more: band.more } : {}),
  };
}

/** The height `layoutTopology` gives `prepared` at `size`, without placing the pods of the grids it tries. */
export function layoutHeight(prepared: PreparedView, size: LayoutSize): number {
  const { nodes } = frameAndNodes(prepared, size, false);
  return bottomOf(placeUnscheduled(prepared, nodes.bottom, size.width), nodes.bottom) + PAD;
}

function frameAndNodes(prepared: PreparedView, { width, height }: LayoutSize, build = true) {
  const { view } = prepared;
  // A narrow diagram (a phone) puts the outside client on a row of its own above the Services.
  const narrow = width < NARROW;
  const outside: Box = { x: PAD, y: PAD, w: SVC.outsideW, h: narrow ? SVC.outsideNarrowH : SVC.outsideH };
  const band = narrow
    ? layoutServices(view, prepared.drawn, PAD, outside.y + outside.h + GAP, width - PAD)
    : layoutServices(view, prepared.drawn, PAD + SVC.outsideW + GAP, PAD, width - PAD);
  const bandBottom = Math.max(outside.y + outside.h, band.bottom);
  const nodeTop = bandBottom + GAP * 2.5;
  return { outside, band, nodes: bestNodeGrid(view, prepared.pods, nodeTop, width, height, build) };
}

/** Pods with no node yet, in a row under the nodes. */
function placeUnscheduled(prepared: PreparedView, nodesBottom: number, width: number): PodBox[] {
  return placePods(prepared.pods.unscheduled, { x: PAD, y: nodesBottom + GAP, w: width - 2 * PAD, h: 0 })
    .pods;
}

function bottomOf(unscheduled: readonly PodBox[], nodesBottom: number): number {
  return unscheduled.length ? Math.max(...unscheduled.map((p) => p.y + p.h)) : nodesBottom;
}

interface Band {
  services: Omit<ServiceBox, "endpoints">[];
  groups: ServiceGroup[];
  hiddenServices: number;
  more?: Box;
  bottom: number;
}

/** The Services band: one framed group per namespace, flowing left to right and wrapping. */
function layoutServices(
  view: TopologyView,
  list: readonly ServiceView[],
  left: number,
  top: number,
  right: number,
): Band {
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
  // Built when an endpoint names no pod: most name theirs.
  let byIp: Map<string, string> | undefined;
  const podAt = (ip: string) => {
    byIp ??= new Map(view.pods.filter((p) => p.ip).map((p) => [p.ip!, `${p.namespace}/${p.name}`]));
    return byIp.get(ip);
  };
  return (s) => {
    const seen = new Set<string>();
    const out: { pod: string; ready: boolean }[] = [];
    for (const e of s.endpoints) {
      const pod = e.pod ?? podAt(e.ip);
      if (!pod || seen.has(pod)) continue;
      seen.add(pod);
      out.push({ pod, ready: e.ready });
    }
    return out;
  };
}

function keyOf(s: { namespace: string; name: string }): string {
  return `${s.namespace}/${s.name}`;
}

export { hopPosition } from "./hopPosition";
