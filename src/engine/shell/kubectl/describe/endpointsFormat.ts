import type { EndpointSlice, Endpoints } from "../../../api/types";

const MAX = 3;

function joinHostPort(ip: string, port: number | undefined): string {
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function withMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(",");
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

/**
 * `formatEndpointSlices` for one service port: ready endpoints as ip:port,
 * at most three. Keeps kubectl's quirk of setting "more" as soon as a fourth
 * endpoint is seen, before its readiness is checked.
 */
export function formatEndpointSlicesForPort(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const ep of slice.endpoints ?? []) {
        if (list.length === MAX) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0] as string);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? "") !== portName) continue;
      for (const ep of slice.endpoints ?? []) {
        if (list.length === MAX) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0] as string, port.port));
        count++;
      }
    }
  }
  return withMore(list, more, count);
}

/**
 * `formatEndpoints` (v1 Endpoints): ready addresses × ports, at most three.
 * `portName` undefined means every port (`kubectl get ep`).
 */
export function formatEndpointsForPort(endpoints: Endpoints | undefined, portName?: string): string {
  const subsets = endpoints?.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && (port.name ?? "") !== portName) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  return withMore(list, more, count);
}
