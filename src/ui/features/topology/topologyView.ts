/**
 * The topology diagram as a d3 controller inside a React-owned container:
 * SVG for the still picture and the selected packet, a Canvas overlay for
 * bursts, an HTML callout at the current hop. React hands it a view, a
 * layout, a trace and a hop index; every per-frame position is set here.
 */
import { type Selection, select, type ZoomTransform, zoom, zoomIdentity } from "d3";
import type { Trace } from "../../../engine/net/types";
import type { TopologyView } from "../../../engine/view/topology";
import { renderCallout } from "./callout";
import { drawStatic, type Selected } from "./drawStatic";
import { createFlightLayer } from "./flightsCanvas";
import { type HopPoint, tracePoints } from "./hopPosition";
import type { Box, TopologyLayout } from "./layout";
import type { TopologyText } from "./topologyText";
import { drawTracePath, showDataPlaneWork } from "./tracePath";

export interface TopologyCallbacks {
  /** A glyph was clicked. */
  onSelect?: (s: Selected) => void;
  /** How long the dot takes from one hop to the next, in ms (follows playback speed). */
  hopDuration: () => number;
  /** The diagram's own strings in the current language. */
  text: () => TopologyText;
  /** "+N more Services": the band's summary of the Services not drawn. */
  moreServices: (n: number) => string;
}

export interface TopologyViewHandle {
  update(view: TopologyView, layout: TopologyLayout): void;
  /** Shows `trace` (or none) with the packet at hop index `hop`. */
  showTrace(trace: Trace | null, hop: number): void;
  /** A burst: up to 50 traces fly at once along their hops, then fade. */
  animateFlights(traces: Trace[]): void;
  /** Rings the glyph of `kind:key` (keyboard focus in the accessible layer), or none. */
  highlight(id: string | null): void;
  /** Marks the glyphs a lesson step points at (`kind:key` ids), and their Services' lines. */
  point(ids: readonly string[]): void;
  /** Pans and zooms so the glyph of `kind:key` sits in the middle. */
  reveal(id: string): void;
  destroy(): void;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

export function createTopologyView(host: HTMLElement, callbacks: TopologyCallbacks): TopologyViewHandle {
  host.classList.add("topo-host");
  const svg = select(host).append("svg").attr("class", "topo-svg").attr("aria-hidden", "true");
  const world = svg.append("g").attr("class", "topo-world");
  const layer = (name: string): G => world.append("g").attr("class", `topo-layer-${name}`);
  const layers = {
    nodes: layer("nodes"),
    edges: layer("edges"),
    pods: layer("pods"),
    services: layer("services"),
  };
  const pathLayer = layer("path");
  const dot = layer("packet").attr("class", "topo-packet").style("display", "none");
  dot.append("circle").attr("r", 7);
  const canvas = document.createElement("canvas");
  canvas.className = "topo-flights";
  canvas.setAttribute("aria-hidden", "true");
  host.appendChild(canvas);
  const callout = document.createElement("div");
  callout.hidden = true;
  host.appendChild(callout);

  const css = getComputedStyle(host);
  const flights = createFlightLayer(canvas, () => ({
    request: css.getPropertyValue("--packet").trim() || "#d9480f",
    reply: css.getPropertyValue("--reply").trim() || "#0b7285",
  }));
  const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

  let layout: TopologyLayout | null = null;
  let elements = new Map<string, SVGGElement>();
  let transform: ZoomTransform = zoomIdentity;
  let userZoomed = false;
  let trace: Trace | null = null;
  let hop = -1;
  let points: HopPoint[] = [];
  let dotAt: { x: number; y: number } | null = null;
  let tween: {
    from: { x: number; y: number };
    to: { x: number; y: number };
    start: number;
    dur: number;
  } | null = null;
  let flying = false;
  let raf = 0;
  let highlighted: string | null = null;
  let pointed: readonly string[] = [];

  // The host's size, read when it changes (layout is clean then) rather than after drawing, where
  // reading it would force a synchronous layout of the whole page.
  let size = { w: host.clientWidth, h: host.clientHeight };
  const zoomer = zoom<SVGSVGElement, unknown>()
    // The svg fills the host: its extent is the host's size as last observed (d3's default
    // measures the svg, which forces a layout right after each redraw).
    .extent(() => [
      [0, 0],
      [size.w, size.h],
    ])
    .scaleExtent([0.2, 8])
    .on("zoom", (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
      transform = e.transform;
      if (e.sourceEvent) userZoomed = true;
      world.attr("transform", transform.toString());
      placeCallout();
      if (flying) kick();
    });
  svg.call(zoomer).on("dblclick.zoom", null);

  const resize = new ResizeObserver(() => {
    size = { w: host.clientWidth, h: host.clientHeight };
    flights.resize(size.w, size.h);
    if (!userZoomed) fitToScreen();
  });
  resize.observe(host);

  function fitToScreen() {
    if (!layout) return;
    const { w, h } = size;
    if (!w || !h) return;
    // Never zoomed past 1.5 (or the container's --topo-scale, when it asks for larger type).
    const most = Math.max(1.5, Number.parseFloat(css.getPropertyValue("--topo-scale")) || 1);
    const k = Math.min(w / layout.width, h / layout.height, most);
    svg.call(zoomer.transform, zoomIdentity.translate((w - layout.width * k) / 2, 0).scale(k));
  }

  function kick() {
    if (!raf) raf = requestAnimationFrame(tick);
  }

  function tick(now: number) {
    raf = 0;
    let more = false;
    if (tween) {
      const u = Math.min(1, (now - tween.start) / tween.dur);
      const e = u < 0.5 ? 2 * u * u : 1 - (-2 * u + 2) ** 2 / 2;
      moveDot({
        x: tween.from.x + (tween.to.x - tween.from.x) * e,
        y: tween.from.y + (tween.to.y - tween.from.y) * e,
      });
      if (u < 1) more = true;
      else tween = null;
    }
    if (flying) {
      const alive = flights.draw(now, transform);
      if (alive > 0) more = true;
      else endFlights();
    }
    if (more) kick();
  }

  function moveDot(p: { x: number; y: number }) {
    dotAt = p;
    dot.attr("transform", `translate(${p.x},${p.y})`);
  }

  function endFlights() {
    flying = false;
    flights.clear();
    host.dataset.flights = "0";
  }

  function placeCallout() {
    const p = points[hop];
    if (!p || callout.hidden) return;
    const [x, y] = transform.apply([p.x, p.y]);
    const right = x > size.w / 2;
    const below = y < size.h / 2;
    callout.style.transform = `translate(${x}px, ${y}px) translate(${right ? "calc(-100% - 14px)" : "14px"}, ${below ? "14px" : "calc(-100% - 14px)"})`;
  }

  function stripOf(nodeName: string | undefined) {
    return layout?.nodes.find((n) => n.node.name === nodeName)?.dataPlane;
  }

  function render(animate: boolean) {
    const h = trace?.hops[hop];
    const p = points[hop];
    drawTracePath(pathLayer, trace, points, hop);
    if (!trace || !h || !p) {
      dot.style("display", "none");
      callout.hidden = true;
      tween = null;
      dotAt = null;
      return;
    }
    dot.style("display", null).attr("class", `topo-packet ${h.direction}`);
    if (animate && dotAt && !reducedMotion) {
      tween = { from: dotAt, to: p, start: performance.now(), dur: callbacks.hopDuration() };
      kick();
    } else {
      tween = null;
      moveDot(p);
    }
    showDataPlaneWork(
      layers.nodes,
      h,
      layout?.nodes.find((n) => n.node.name === h.place.node),
      callbacks.hopDuration(),
    );
    callout.hidden = false;
    renderCallout(callout, h, hop, h.place.pod ? undefined : stripOf(h.place.node), callbacks.text());
    placeCallout();
  }

  /** Re-applies the lesson's marks (a redraw makes new glyphs). */
  function markPointed(): void {
    for (const id of pointed) elements.get(id)?.classList.add("pointed");
    const services = new Set(pointed.filter((id) => id.startsWith("service:")).map((id) => id.slice(8)));
    layers.edges.selectAll<SVGPathElement, unknown>("path").classed("pointed", function () {
      return services.has(this.dataset.service ?? "");
    });
  }

  return {
    update(view, next) {
      const first = layout === null;
      const resized = layout && (layout.width !== next.width || layout.height !== next.height);
      layout = next;
      host.dataset.mode = view.proxyMode;
      const labels = { outside: callbacks.text()("topology.outside"), moreServices: callbacks.moreServices };
      elements = drawStatic(layers, next, labels, (s) => callbacks.onSelect?.(s));
      if (first || (resized && !userZoomed)) fitToScreen();
      points = trace ? tracePoints(next, trace.hops) : [];
      if (highlighted) elements.get(highlighted)?.classList.add("focused");
      markPointed();
      render(false);
    },
    showTrace(nextTrace, nextHop) {
      const stepped = nextTrace === trace && nextHop === hop + 1;
      if (nextTrace !== trace) points = nextTrace && layout ? tracePoints(layout, nextTrace.hops) : [];
      trace = nextTrace;
      hop = nextHop;
      render(stepped);
    },
    animateFlights(traces) {
      if (!layout || traces.length === 0) return;
      flights.launch(layout, traces, performance.now());
      flying = true;
      host.dataset.flights = String(Math.min(traces.length, 50));
      kick();
    },
    highlight(id) {
      if (highlighted) elements.get(highlighted)?.classList.remove("focused");
      highlighted = id;
      if (id) elements.get(id)?.classList.add("focused");
      const svcKey = id?.startsWith("service:") ? id.slice("service:".length) : null;
      layers.edges.selectAll<SVGPathElement, unknown>("path").classed("lit", function () {
        return this.dataset.service === svcKey;
      });
    },
    point(ids) {
      for (const id of pointed) elements.get(id)?.classList.remove("pointed");
      pointed = ids;
      markPointed();
    },
    reveal(id) {
      const box = layout ? boxOf(layout, id) : undefined;
      if (!box) return;
      userZoomed = true;
      const k = Math.max(transform.k, 1.5);
      const x = size.w / 2 - (box.x + box.w / 2) * k;
      const y = size.h / 2 - (box.y + box.h / 2) * k;
      svg.call(zoomer.transform, zoomIdentity.translate(x, y).scale(k));
    },
    destroy() {
      if (raf) cancelAnimationFrame(raf);
      resize.disconnect();
      svg.on(".zoom", null);
      svg.remove();
      canvas.remove();
      callout.remove();
      host.classList.remove("topo-host");
    },
  };
}

function boxOf(layout: TopologyLayout, id: string): Box | undefined {
  const [kind, key] = [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)];
  if (kind === "pod") return layout.pods[key];
  if (kind === "node") return layout.nodes.find((n) => n.node.name === key);
  return layout.services.find((s) => s.key === key);
}
