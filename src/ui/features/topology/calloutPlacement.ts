/**
 * Where the callout goes: beside its hop, inside the panel, never over the hop itself. Tries the
 * four corners around the hop, then centred above or below it, then slid along above and below
 * and level with it; among those that fit whole, the one hiding fewest hops around, then least of
 * the diagram's text. If none fits whole, the one that shows most, moved inside the panel, and if
 * that would cover the hop, against the panel's edge away from it. Pure: positions in screen pixels.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Point {
  x: number;
  y: number;
}

/** Distance kept between the hop and the callout (the packet's dot is drawn in it). */
export const CALLOUT_GAP = 16;

/**
 * `avoid`: other points (the hops around this one) to leave uncovered where a choice allows it;
 * `text`: where the diagram writes names and addresses (a node's header, a Service's box), to
 * cover as little of as the places that fit allow.
 */
export function placeCallout(
  p: Point,
  size: { w: number; h: number },
  bounds: Rect,
  avoid: readonly Point[] = [],
  text: readonly Rect[] = [],
  gap = CALLOUT_GAP,
): Point {
  const { w, h } = size;
  const candidates: Point[] = [
    { x: p.x + gap, y: p.y + gap },
    { x: p.x + gap, y: p.y - gap - h },
    { x: p.x - gap - w, y: p.y + gap },
    { x: p.x - gap - w, y: p.y - gap - h },
    { x: p.x - w / 2, y: p.y + gap },
    { x: p.x - w / 2, y: p.y - gap - h },
  ];
  for (const f of [0.25, 0.75]) {
    const x = p.x + gap - f * (w + 2 * gap);
    candidates.push({ x, y: p.y + gap }, { x, y: p.y - gap - h });
  }
  candidates.push({ x: p.x + gap, y: p.y - h / 2 }, { x: p.x - gap - w, y: p.y - h / 2 });
  const whole = candidates.filter((c) => visible(c, size, bounds) >= w * h - 0.5);
  if (whole.length) {
    const hidden = (c: Point) => avoid.filter((q) => covers(c, size, q, 6)).length;
    const written = (c: Point) => text.reduce((sum, r) => sum + visible(c, size, r), 0);
    // The first of the best in the order above: with nothing to avoid, the corner below-right.
    return whole.reduce((a, b) => {
      const d = hidden(b) - hidden(a);
      return d < 0 || (d === 0 && written(b) < written(a) - 0.5) ? b : a;
    });
  }
  const best = candidates.reduce((a, b) => (visible(b, size, bounds) > visible(a, size, bounds) ? b : a));
  const moved = clampInto(best, size, bounds);
  if (!covers(moved, size, p, gap / 2)) return moved;
  // Against the edge away from the hop: the top edge when the hop is in the lower half, else the bottom.
  const y = p.y > bounds.y + bounds.h / 2 ? bounds.y : bounds.y + bounds.h - h;
  return clampInto({ x: p.x - w / 2, y }, size, bounds);
}

/** The area of the callout at `c` that lies inside `bounds`. */
function visible(c: Point, size: { w: number; h: number }, b: Rect): number {
  const w = Math.min(c.x + size.w, b.x + b.w) - Math.max(c.x, b.x);
  const h = Math.min(c.y + size.h, b.y + b.h) - Math.max(c.y, b.y);
  return Math.max(0, w) * Math.max(0, h);
}

function clampInto(c: Point, size: { w: number; h: number }, b: Rect): Point {
  return {
    x: Math.max(b.x, Math.min(c.x, b.x + b.w - size.w)),
    y: Math.max(b.y, Math.min(c.y, b.y + b.h - size.h)),
  };
}

/** Whether the callout at `c` covers `p` or comes within `margin` of it. */
export function covers(c: Point, size: { w: number; h: number }, p: Point, margin = 0): boolean {
  return (
    p.x >= c.x - margin && p.x <= c.x + size.w + margin && p.y >= c.y - margin && p.y <= c.y + size.h + margin
  );
}
