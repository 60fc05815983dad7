import type { LessonPoint } from "../../../lessons/types";

/** A lesson names objects as `name` (the default namespace) or `namespace/name`. */
function namespaced(name: string): string {
  return name.includes("/") ? name : `default/${name}`;
}

/** The diagram's `kind:key` ids of what a lesson step points at. */
export function pointIds(point: LessonPoint | null): string[] {
  if (!point) return [];
  const ids: string[] = [];
  if (point.service) ids.push(`service:${namespaced(point.service)}`);
  if (point.pod) ids.push(`pod:${namespaced(point.pod)}`);
  if (point.node) ids.push(`node:${point.node}`);
  return ids;
}
