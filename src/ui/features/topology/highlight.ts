/**
 * What the diagram marks: the glyph in focus or under the pointer (a Service also lights its lines
 * and rings its endpoint pods, and the rest of the lines dim), and what a lesson step points at.
 */
import type { Elements, Layers } from "./drawTypes";
import type { TopologyLayout } from "./layout";

export interface Marks {
  /** Marks `id` (`kind:key`) as the one in focus, or none. */
  focus(id: string | null): void;
  /** Marks `id` as the one under the pointer, or none; focus wins over the pointer. */
  hover(id: string | null): void;
  /** Marks what a lesson step points at. */
  point(ids: readonly string[]): void;
  /** Puts the marks back on a redrawn diagram's new elements. */
  reapply(elements: Elements, layout: TopologyLayout): void;
}

export function createMarks(world: SVGGElement, layers: Layers): Marks {
  let elements: Elements = new Map();
  let layout: TopologyLayout | null = null;
  let focused: string | null = null;
  let hovered: string | null = null;
  let pointed: readonly string[] = [];
  let marked: Element[] = [];

  const serviceOf = (id: string | null) => (id?.startsWith("service:") ? id.slice("service:".length) : null);

  function apply() {
    for (const el of marked) el.classList.remove("focused", "endpoint", "pointed");
    marked = [];
    const mark = (el: Element | undefined, cls: string) => {
      if (!el) return;
      el.classList.add(cls);
      marked.push(el);
    };
    const lit = focused ?? hovered;
    if (lit) mark(elements.get(lit), "focused");
    const svc = serviceOf(lit);
    const box = svc ? layout?.services.find((s) => s.key === svc) : undefined;
    for (const e of box?.endpoints ?? []) mark(elements.get(`pod:${e.pod}`), "endpoint");
    for (const id of pointed) mark(elements.get(id), "pointed");
    const pointedServices = new Set(pointed.map(serviceOf).filter(Boolean));
    world.classList.toggle("has-lit", Boolean(svc));
    layers.edges.selectAll<SVGPathElement, unknown>("path").each(function () {
      const s = this.dataset.service ?? "";
      this.classList.toggle("lit", s === svc);
      this.classList.toggle("pointed", pointedServices.has(s));
    });
  }

  return {
    focus(id) {
      focused = id;
      apply();
    },
    hover(id) {
      hovered = id;
      apply();
    },
    point(ids) {
      pointed = ids;
      apply();
    },
    reapply(next, nextLayout) {
      elements = next;
      layout = nextLayout;
      marked = [];
      apply();
    },
  };
}
