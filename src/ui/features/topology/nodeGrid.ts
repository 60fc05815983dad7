/**
 * The nodes' grid under the Services band, each node with its pods grouped by namespace. A view's
 * nodes and pods are sorted and grouped once (`preparePods`), however many sizes and column counts
 * are tried; a candidate grid is measured without building its pod boxes, and only the chosen one
 * is built. Measuring and building run the same arithmetic, so the measure is the built grid's.
 */
import type { NodeView, PodView, TopologyView } from "../../../engine/view/topology";
import type { Box, DataPlaneStrip, NodeBox, PodBox, PodGroup } from "./layout";
import { GAP, LINE, NODE, PAD, POD } from "./metrics";

const byNumericName = new Intl.Collator("en", { numeric: true });

/** A namespace's pods on one node (or unscheduled), sorted by name. */
export interface NamespacePods {
  namespace: string;
  pods: PodView[];
}

/** A view's nodes and pods, sorted and grouped for the grid. */
export interface PreparedPods {
  /** Control plane first, then by name (worker-10 after worker-9). */
  nodes: NodeView[];
  /** Each node's pods by namespace, namespaces in the order of their sorted pods. */
  byNode: ReadonlyMap<string, NamespacePods[]>;
  /** Pods with no node, or on a node not in the view, grouped the same way. */
  unscheduled: NamespacePods[];
}

export function preparePods(view: TopologyView): PreparedPods {
  const nodes = [...view.nodes].sort(byRoleThenName);
  const known = new Set(nodes.map((n) => n.name));
  const podsByNode = new Map<string, PodView[]>();
  const unscheduled: PodView[] = [];
  for (const p of view.pods) {
    if (!p.node || !known.has(p.node)) {
      unscheduled.push(p);
      continue;
    }
    const list = podsByNode.get(p.node);
    if (list) list.push(p);
    else podsByNode.set(p.node, [p]);
  }
  const byNode = new Map<string, NamespacePods[]>();
  for (const [node, list] of podsByNode) byNode.set(node, byNamespace(sortByKey(list)));
  return { nodes, byNode, unscheduled: byNamespace(sortByKey(unscheduled)) };
}

/** Pods by `namespace/name`, worker-10 after worker-9 (each key made once, not per comparison). */
function sortByKey(pods: readonly PodView[]): PodView[] {
  const keyed = pods.map((pod) => ({ pod, key: `${pod.namespace}/${pod.name}` }));
  keyed.sort((a, b) => byNumericName.compare(a.key, b.key));
  return keyed.map((k) => k.pod);
}

function byNamespace(sorted: readonly PodView[]): NamespacePods[] {
  const groups = new Map<string, PodView[]>();
  for (const p of sorted) {
    const list = groups.get(p.namespace);
    if (list) list.push(p);
    else groups.set(p.namespace, [p]);
  }
  return [...groups].map(([namespace, pods]) => ({ namespace, pods }));
}

export interface NodeGrid {
  boxes: NodeBox[];
  bottom: number;
}

/**
 * The node grid whose height best fits `height`: all nodes in one row when they fit, fewer columns
 * when not. Without `build`, where it ends only (no boxes).
 */
export function bestNodeGrid(
  view: TopologyView,
  prepared: PreparedPods,
  top: number,
  width: number,
  height: number,
  build = true,
): NodeGrid {
  const n = prepared.nodes.length;
  if (n === 0) return { boxes: [], bottom: top };
  const maxCols = Math.max(1, Math.min(n, Math.floor((width - 2 * PAD + GAP) / (NODE.minW + GAP))));
  let best: { cols: number; fit: number; compact: boolean; grid: NodeGrid } | null = null;
  for (let cols = maxCols; cols >= 1; cols--) {
    const grid = nodeGrid(view, prepared, cols, top, width, false);
    const fit = Math.min(1, height / (grid.bottom + PAD));
    const better =
      !best ||
      fit > best.fit + 1e-9 ||
      // As good a fit: labelled pods beat glyphs (more columns come first, so they win other ties).
      (Math.abs(fit - best.fit) <= 1e-9 && best.compact && !grid.compact);
    if (better) best = { cols, fit, compact: grid.compact, grid };
  }
  if (!build) return best!.grid;
  const { boxes, bottom } = nodeGrid(view, prepared, best!.cols, top, width, true);
  return { boxes, bottom };
}

/** The grid at `cols` columns; its boxes only when `build` (a measure needs only where it ends). */
function nodeGrid(
  view: TopologyView,
  prepared: PreparedPods,
  cols: number,
  top: number,
  width: number,
  build: boolean,
): NodeGrid & { compact: boolean } {
  const { nodes } = prepared;
  const w = (width - 2 * PAD - (cols - 1) * GAP) / cols;
  const boxes: NodeBox[] = [];
  let compact = false;
  let y = top;
  for (let row = 0; row * cols < nodes.length; row++) {
    let rowH = 0;
    const first = boxes.length;
    for (let c = 0; c < cols && row * cols + c < nodes.length; c++) {
      const node = nodes[row * cols + c]!;
      const x = PAD + c * (w + GAP);
      const strip = {
        x: x + NODE.inner,
        y: y + NODE.header + NODE.caption,
        w: w - 2 * NODE.inner,
        h: NODE.stripH,
      };
      const inner = { x: x + NODE.inner, y: strip.y + strip.h + NODE.inner, w: w - 2 * NODE.inner, h: 0 };
      const placed = placePods(prepared.byNode.get(node.name) ?? [], inner, build);
      compact ||= placed.compact;
      const h = Math.max(placed.bottom, inner.y + POD.h / 2) + NODE.inner - y;
      rowH = Math.max(rowH, h);
      if (build)
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
    for (let i = first; i < boxes.length; i++) boxes[i]!.h = rowH;
    y += rowH + GAP;
  }
  return { boxes, bottom: y - GAP, compact };
}

/**
 * Pods in namespace groups, each under its namespace's name: labelled boxes while every group
 * fits in a few rows, small glyphs beyond. Without `build`, only where they end (no boxes).
 */
export function placePods(
  groups: readonly NamespacePods[],
  area: Box,
  build = true,
): { pods: PodBox[]; groups: PodGroup[]; bottom: number; compact: boolean } {
  const labelledCols = Math.max(1, Math.floor((area.w + POD.gap) / (POD.minW + POD.gap)));
  const labelledRows = groups.reduce((n, g) => n + Math.ceil(g.pods.length / labelledCols), 0);
  const compact = labelledRows > POD.maxLabelledRows;
  const cols = compact
    ? Math.max(1, Math.floor((area.w + POD.glyphGap) / (POD.glyph + POD.glyphGap)))
    : labelledCols;
  const gap = compact ? POD.glyphGap : POD.gap;
  const w = compact ? POD.glyph : (area.w - (cols - 1) * gap) / cols;
  const h = compact ? POD.glyph : POD.h;
  const pods: PodBox[] = [];
  const bands: PodGroup[] = [];
  let y = area.y;
  for (const { namespace, pods: members } of groups) {
    const labelY = y + LINE.small;
    const top = labelY + POD.groupLabelGap;
    const bottom = top + Math.ceil(members.length / cols) * (h + gap) - gap;
    if (build) {
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
      bands.push({
        namespace,
        label: { x: area.x + 2, y: labelY },
        box: { x: area.x - 4, y: y - 2, w: area.w + 8, h: bottom - y + 6 },
      });
    }
    y = bottom + POD.groupGap;
  }
  return {
    pods,
    groups: bands,
    bottom: groups.length ? y - POD.groupGap : area.y,
    compact: compact && groups.length > 0,
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
