/** SVG path data for the diagram's shapes and small icons, so a node, a pod and a Service differ at a glance. */
import type { Box } from "./layout";

/** A Service: a box with cut corners (an address, not a machine). */
export function chamferPath(b: Box, c = 9): string {
  const { x, y, w, h } = b;
  return `M${x + c},${y}H${x + w - c}L${x + w},${y + c}V${y + h - c}L${x + w - c},${y + h}H${x + c}L${x},${y + h - c}V${y + c}Z`;
}

/** A Node's header: the box's top with rounded corners. */
export function headerPath(b: Box, height: number, r = 10): string {
  const { x, y, w } = b;
  return `M${x},${y + height}V${y + r}Q${x},${y} ${x + r},${y}H${x + w - r}Q${x + w},${y} ${x + w},${y + r}V${y + height}Z`;
}

/** A server (three stacked units), 14 units tall, its top-left at (x, y). */
export function serverIcon(x: number, y: number): string {
  let d = "";
  for (let i = 0; i < 3; i++) d += `M${x},${y + i * 5}h14v3.5h-14z`;
  return d;
}

/** A pod: a cube drawn in outline, 12 units, its top-left at (x, y). */
export function cubeIcon(x: number, y: number): string {
  return (
    `M${x + 6},${y}L${x + 12},${y + 3}V${y + 9}L${x + 6},${y + 12}L${x},${y + 9}V${y + 3}Z` +
    `M${x},${y + 3}L${x + 6},${y + 6}L${x + 12},${y + 3}M${x + 6},${y + 6}V${y + 12}`
  );
}

/** A Service's icon: a fan-out from one point to three, 14 units, its top-left at (x, y). */
export function fanIcon(x: number, y: number): string {
  return `M${x},${y + 7}H${x + 5}M${x + 5},${y + 7}L${x + 13},${y + 1}M${x + 5},${y + 7}H${x + 13}M${x + 5},${y + 7}L${x + 13},${y + 13}`;
}

/** A globe, 14 units, its top-left at (x, y): the outside world. */
export function globeIcon(x: number, y: number): string {
  const cx = x + 7;
  const cy = y + 7;
  return `M${cx - 7},${cy}a7,7 0 1,0 14,0a7,7 0 1,0 -14,0M${cx - 7},${cy}H${cx + 7}M${cx},${cy - 7}c-4,4 -4,10 0,14c4,-4 4,-10 0,-14`;
}

/** A warning mark (exclamation) inside a circle of radius r centred at (cx, cy). */
export function alertMark(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r * 0.5}V${cy + r * 0.1}M${cx},${cy + r * 0.45}v0.01`;
}
