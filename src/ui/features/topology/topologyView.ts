/**
 * The topology diagram as a d3 controller inside a React-owned container: SVG for the still
 * picture, a burst's flows and the selected packet, a Canvas overlay for a burst's moving
 * packets, an HTML callout at the current hop. React hands it a view, a trace and a hop index;
 * it lays the view out for its panel's size, and sets every per-frame position itself.
 */
import { select } from "d3";
import type { BurstResult } from "../../../engine/net/burst";
import type { Trace } from "../../../engine/net/types";
import type { TopologyView } from "../../../engine/view/topology";
import { onReducedMotionChange, prefersReducedMotion } from "../../motion";
import { drawFlows } from "./drawFlows";
import { browserFrames, createDrawQueue } from "./drawQueue";
import { drawSteps, type Layers, type Selected, type StaticLabels } from "./drawStatic";
import type { Elements, G } from "./drawTypes";
import { createEdgeHints } from "./edgeHints";
import { fitLayout } from "./fit";
import { createFlightLayer } from "./flightsCanvas";
import { burstFlows, type Flow, requestHops } from "./flows";
import { boxOf, focusCandidates } from "./focus";
import { frameView, MIN_LABEL_PX, zoomForLabel } from "./frame";
import { createMarks } from "./highlight";
import { createHopCallout } from "./hopCallout";
import { type HopPoint, tracePoints } from "./hopPosition";
import { layoutTopology, type PreparedView, prepareLayout, type TopologyLayout } from "./layout";
import { createPacketMotion } from "./packetMotion";
import { sameDrawing } from "./sameDrawing";
import type { TopologyText } from "./topologyText";
import { clearDataPlaneWork, drawTracePath, showDataPlaneWork } from "./tracePath";
import { createViewport, type Insets } from "./viewport";
import { toAttribute } from "./zoomTransform";

export interface TopologyCallbacks {
  /** A glyph was clicked. */
  onSelect?: (s: Selected) => void;
  /** How long the dot takes from one hop to the next, in ms (follows playback speed). */
  hopDuration: () => number;
  /** The diagram's own strings in the current language. */
  text: () => TopologyText;
  /** Whether some of the cluster is outside the view now (the view's cue to "Fit to view"). */
  onPartial?: (partial: boolean) => void;
}

export interface TopologyViewHandle {
  update(view: TopologyView): void;
  /** Sorts `view`'s nodes, pods and Services for layout ahead of its `update` (a task of its own). */
  prepare(view: TopologyView): void;
  /** Redraws the labels in the current language. */
  relabel(): void;
  /** The room toolbars over the panel's edges take: the diagram is fitted between them. */
  setInsets(insets: Insets): void;
  /** Shows `trace` (or none) with the packet at hop index `hop`. */
  showTrace(trace: Trace | null, hop: number): void;
  /** A burst: its flows with the tally's count per backend, and (motion allowed) its sampled packets along them. */
  animateFlights(traces: Trace[], tally: BurstResult): void;
  /** Rings the glyph of `kind:key` (keyboard focus in the accessible layer), or none. */
  highlight(id: string | null): void;
  /** Marks the glyphs a lesson step points at (`kind:key` ids), and their Services' lines. */
  point(ids: readonly string[]): void;
  /** Pans and zooms so the glyph of `kind:key` sits in the middle. */
  reveal(id: string): void;
  zoomBy(factor: number): void;
  /** Fits the whole cluster to the panel, whatever the size of its labels, until what matters changes. */
  fit(): void;
  destroy(): void;
}

/** Waits this long after the last resize before laying out again (a dragged splitter resizes every frame). */
const RELAYOUT_MS = 90;
/** A frame's share of drawing steps: the frame's style, layout and paint of what they added come on top. */
const DRAW_BUDGET_MS = 6;

export function createTopologyView(host: HTMLElement, callbacks: TopologyCallbacks): TopologyViewHandle {
  host.classList.add("topo-host");
  const svg = select(host).append("svg").attr("class", "topo-svg").attr("aria-hidden", "true");
  const world = svg.append("g").attr("class", "topo-world");
  const layer = (name: string): G => world.append("g").attr("class", `topo-layer-${name}`);
  const layers: Layers = {
    frames: layer("frames"),
    nodes: layer("nodes"),
    edges: layer("edges"),
    pods: layer("pods"),
    services: layer("services"),
  };
  const flowLayer = layer("flows");
  const pathLayer = layer("path");
  const dot = layer("packet").attr("class", "topo-packet").style("display", "none");
  dot.append("circle").attr("r", 8);
  const canvas = document.createElement("canvas");
  canvas.className = "topo-flights";
  canvas.setAttribute("aria-hidden", "true");
  host.appendChild(canvas);
  const callout = createHopCallout(
    host,
    // The viewport is made below: read when the callout is placed.
    { transform: () => vp.transform(), area: () => vp.area() },
    () => ({ points, hop, current: trace?.hops[hop], layout }),
    () => callbacks.text(),
  );
  const edges = createEdgeHints(host, (p) => callbacks.onPartial?.(p));
  const drawing = createDrawQueue(browserFrames, DRAW_BUDGET_MS);

  const css = getComputedStyle(host);
  const flights = createFlightLayer(canvas, () => css.getPropertyValue("--packet").trim() || "#d9480f");
  const marks = createMarks(world.node()!, layers);
  const vp = createViewport(svg, (t) => {
    world.attr("transform", toAttribute(t));
    if (layout) edges.show(vp.area(), layout, t);
    callout.place();
    motion.viewMoved();
  });
  const motion = createPacketMotion(
    dot,
    flights,
    () => vp.transform(),
    (n) => {
      host.dataset.flights = String(n);
    },
    prefersReducedMotion(),
  );
  host.dataset.motion = motion.reduced() ? "reduced" : "full";
  let model: TopologyView | null = null;
  let layout: TopologyLayout | null = null;
  let prepared: PreparedView | null = null;
  let typeScale = 1;
  /** The zoom of the host's label floor (`--topo-min-label`): the least the view frames at. */
  let baseScale = readBaseScale();
  /** The area the layout was made for, and whether for the whole cluster ("Fit to view"). */
  let laidOut = { w: 0, h: 0, all: false };
  let trace: Trace | null = null;
  let hop = -1;
  let points: HopPoint[] = [];
  let burst: { traces: Trace[]; tally: BurstResult } | null = null;
  let relayoutTimer: ReturnType<typeof setTimeout> | undefined;
  /** The user asked for the whole cluster ("Fit to view"): kept until a new packet or lesson point. */
  let showAll = false;
  let pointed: readonly string[] = [];
  let focused: string | null = null;

  const events = {
    onClick: (s: Selected) => callbacks.onSelect?.(s),
    onHover: (id: string | null) => marks.hover(id),
  };

  function readBaseScale(): number {
    const px = Number.parseFloat(getComputedStyle(host).getPropertyValue("--topo-min-label"));
    return zoomForLabel(Number.isFinite(px) && px > MIN_LABEL_PX ? px : MIN_LABEL_PX);
  }

  function labels(): StaticLabels {
    const t = callbacks.text();
    return {
      outside: t("topology.outside"),
      moreServices: (n) => t("topology.moreServices", { count: n }),
      endpoints: (n) => t("topology.endpoints", { count: n }),
      notReady: t("topology.notReady"),
      dataPlane: (s) => t(`topology.${s.unit}`, { count: s.count }),
    };
  }

  /** The model's nodes, pods and Services sorted for layout: once per model, however many layouts. */
  function preparedModel(view: TopologyView): PreparedView {
    if (prepared?.view !== view) prepared = prepareLayout(view);
    return prepared;
  }

  /**
   * Lays the view out for the panel (at the scale it was at, once the user zoomed) and redraws:
   * what is left of a frame's drawing budget after the layout now, the rest at the next frames.
   */
  function relayout() {
    if (!model) return;
    const since = performance.now();
    const a = vp.area();
    const ready = preparedModel(model);
    if (vp.userZoomed() && layout) {
      layout = layoutTopology(model, { width: layout.width, height: a.h / typeScale }, ready);
    } else {
      const fitted = fitLayout(model, a.w, a.h, baseScale, { all: showAll, prepared: ready });
      layout = fitted.layout;
      typeScale = fitted.scale;
    }
    laidOut = { w: a.w, h: a.h, all: showAll };
    host.dataset.scale = typeScale.toFixed(2);
    points = trace ? tracePoints(layout, trace.hops) : [];
    // Framed first: drawing places the callout and follows the packet in the framed view.
    if (!vp.userZoomed()) frame();
    redraw(since);
  }

  /** Places the view by frame.ts's rule: all of the cluster if readable, else what matters now. */
  function frame() {
    const a = vp.area();
    if (!layout || !a.w || !a.h || !layout.width || !layout.height) return;
    const picked = focused ? [...pointed, focused] : pointed;
    vp.place(
      frameView(a, layout, typeScale, focusCandidates(layout, points, hop, picked), showAll, baseScale),
    );
  }

  /** What matters changed: framed again, on the layout for framing if it was made to show all. */
  function reframe() {
    showAll = false;
    if (vp.userZoomed()) return;
    if (laidOut.all) relayout();
    else frame();
  }

  /**
   * Draws the layout: the Services, nodes and as many pods as fit in this frame now, the other
   * pods over the next frames (marks go on each glyph once it is drawn). `since`: when this task's
   * work began (its budget is what is left of a frame's).
   */
  function redraw(since?: number) {
    if (!layout || !model) return;
    const at = layout;
    const revision = String(model.revision);
    const elements: Elements = new Map();
    drawing.run(
      drawSteps(layers, at, labels(), events, elements),
      () => {
        marks.reapply(elements, at);
        // The drawn view's revision, once all of it is drawn: a test reads the figures of this drawing.
        host.dataset.revision = revision;
      },
      since,
    );
    if (drawing.pending()) marks.reapply(elements, at);
    edges.show(vp.area(), layout, vp.transform());
    points = trace ? tracePoints(layout, trace.hops) : [];
    followFlows(drawBurst());
    render(false);
  }

  /** Where a burst's connections land is what it shows: kept in view (a phone shows part of the diagram). */
  function followFlows(flows: readonly Flow[]) {
    const ends = flows.map((f) => f.anchor);
    if (!ends.length) return;
    const xs = ends.map((e) => e.x);
    const ys = ends.map((e) => e.y);
    vp.follow({ x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 });
  }

  function drawBurst(): Flow[] {
    const t = callbacks.text();
    const flows = layout && burst ? burstFlows(layout, burst.traces, burst.tally) : [];
    drawFlows(flowLayer, flows, {
      count: (n) => new Intl.NumberFormat(document.documentElement.lang || undefined).format(n),
      failed: (n) => t("topology.failed", { count: n }),
    });
    host.dataset.flows = String(flows.length);
    return flows;
  }

  function relayoutSoon() {
    clearTimeout(relayoutTimer);
    relayoutTimer = setTimeout(relayout, RELAYOUT_MS);
  }

  const resize = new ResizeObserver(() => {
    const w = host.clientWidth;
    const h = host.clientHeight;
    vp.setSize(w, h);
    flights.resize(w, h);
    baseScale = readBaseScale();
    if (!w || !h) return;
    // The first size the panel gets is laid out for at once: a layout made for no area, framed
    // in this one, would show for a moment at the wrong scale.
    if (!layout || !laidOut.w || !laidOut.h) {
      relayout();
      return;
    }
    if (!vp.userZoomed()) frame();
    relayoutSoon();
  });
  resize.observe(host);

  const offMotion = onReducedMotionChange((r) => {
    motion.setReduced(r);
    host.dataset.motion = r ? "reduced" : "full";
    if (r) clearDataPlaneWork(layers.nodes);
  });

  function render(animate: boolean) {
    const h = trace?.hops[hop];
    const p = points[hop];
    drawTracePath(pathLayer, trace, points, hop);
    if (!trace || !h || !p) {
      motion.hide();
      callout.hide();
      delete host.dataset.hop;
      clearDataPlaneWork(layers.nodes);
      return;
    }
    // Written with the dot's move, so a reader sees the hop and the dot of the same step.
    host.dataset.hop = String(hop);
    // The packet never walks out of view (a phone shows part of the diagram; the user may have zoomed in).
    vp.follow(p);
    motion.moveTo(p, h.direction, animate, callbacks.hopDuration());
    const node = layout?.nodes.find((n) => n.node.name === h.place.node);
    showDataPlaneWork(layers.nodes, h, node, motion.reduced() ? 0 : callbacks.hopDuration());
    callout.show(h);
  }

  return {
    update(next) {
      const same = model !== null && sameDrawing(model, next);
      model = next;
      host.dataset.mode = next.proxyMode;
      // A command or a burst that changed nothing drawn (a new view, the same cluster) costs no layout.
      if (!same || !layout) relayout();
    },
    prepare(next) {
      // What `update` would not lay out again is not sorted for it either.
      if (!(model !== null && layout && sameDrawing(model, next))) preparedModel(next);
    },
    relabel() {
      redraw();
    },
    setInsets(next) {
      const now = vp.insets();
      if (now.top === next.top && now.bottom === next.bottom) return;
      vp.setInsets(next);
      if (layout) relayout();
    },
    showTrace(nextTrace, nextHop) {
      const stepped = nextTrace === trace && nextHop === hop + 1;
      const fresh = nextTrace !== trace;
      if (fresh) {
        points = nextTrace && layout ? tracePoints(layout, nextTrace.hops) : [];
        if (nextTrace) {
          burst = null;
          drawBurst();
        }
      }
      trace = nextTrace;
      hop = nextHop;
      // A new packet is what matters now: framed (unless the user zoomed), then followed hop by hop.
      if (fresh) reframe();
      render(stepped);
    },
    animateFlights(traces, tally) {
      if (!layout || traces.length === 0) return;
      burst = { traces, tally };
      followFlows(drawBurst());
      const at = layout;
      motion.fly(() => traces.map((t) => tracePoints(at, requestHops(t))));
    },
    highlight(id) {
      marks.focus(id);
      focused = id;
      // What the user picked is framed when no packet is walking (focus leaving keeps the view).
      if (id && !trace && !vp.userZoomed() && !showAll) frame();
    },
    point(ids) {
      marks.point(ids);
      pointed = ids;
      reframe();
    },
    reveal(id) {
      const box = layout ? boxOf(layout, id) : undefined;
      if (box) vp.reveal(box);
    },
    zoomBy(factor) {
      vp.zoomBy(factor);
    },
    fit() {
      showAll = true;
      if (layout) vp.place(frameView(vp.area(), layout, typeScale, [], true, baseScale));
      relayout();
    },
    destroy() {
      drawing.cancel();
      motion.destroy();
      clearTimeout(relayoutTimer);
      resize.disconnect();
      offMotion();
      vp.destroy();
      svg.remove();
      canvas.remove();
      callout.remove();
      edges.remove();
      host.classList.remove("topo-host");
    },
  };
}
