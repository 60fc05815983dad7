/** The properties that decide how an SVG element looks, copied from the page's computed styles. */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "display",
  "visibility",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
] as const;

/** Space around the diagram's drawing, in SVG units. */
const MARGIN = 16;

export interface SerializedSvg {
  markup: string;
  width: number;
  height: number;
}

/** The topology's SVG on the page (the diagram inside the region with id `topology`). */
export function findTopologySvg(root: ParentNode = document): SVGSVGElement | null {
  return (
    root.querySelector<SVGSVGElement>("#topology svg.topo-svg") ??
    root.querySelector<SVGSVGElement>("#topology svg")
  );
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/**
 * A standalone copy of the diagram: computed styles inlined (it no longer
 * needs the page's stylesheet), the user's pan and zoom dropped so the whole
 * cluster fits, the panel's background behind it.
 */
export function serializeSvg(svg: SVGSVGElement, title: string): SerializedSvg {
  const world = svg.querySelector<SVGGElement>(".topo-world") ?? svg;
  const box = world.getBBox();
  const width = Math.ceil(box.width + 2 * MARGIN);
  const height = Math.ceil(box.height + 2 * MARGIN);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  if (clone.classList.contains("topo-world")) clone.removeAttribute("transform");
  clone.querySelector(".topo-world")?.removeAttribute("transform");
  clone.removeAttribute("aria-hidden");
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("viewBox", `${box.x - MARGIN} ${box.y - MARGIN} ${width} ${height}`);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("role", "img");
  const background = backgroundOf(svg);
  const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  rect.setAttribute("x", String(box.x - MARGIN));
  rect.setAttribute("y", String(box.y - MARGIN));
  rect.setAttribute("width", String(width));
  rect.setAttribute("height", String(height));
  rect.setAttribute("fill", background);
  const titleEl = document.createElementNS("http://www.w3.org/2000/svg", "title");
  titleEl.textContent = title;
  clone.prepend(titleEl, rect);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** The first opaque background behind an element (the diagram's panel), white if none. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return "#ffffff";
}
