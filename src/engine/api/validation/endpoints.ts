/**
 * EndpointSlice (`pkg/apis/discovery/validation`) and v1 Endpoints
 * (`ValidateEndpoints`) validation: an address that is not an IP of the slice's
 * type never reaches a data plane.
 */

import { ipToNumber, isIp } from "../ipv4";
import type { EndpointSlice, Endpoints } from "../types";
import type { FieldError } from "./field";
import { invalid, notSupported, required } from "./field";
import { isDNS1123Label, isValidPortNum } from "./names";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];

/** `ValidateNonSpecialIP` for an IPv4 address. */
function nonSpecialIPv4(ip: string, path: string): FieldError[] {
  const n = ipToNumber(ip);
  if (n === undefined) return [];
  if (n === 0) return [invalid(path, ip, "may not be unspecified (0.0.0.0)")];
  if (n >>> 24 === 127) return [invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)")];
  if (n >>> 16 === 0xa9fe)
    return [invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)")];
  if (n >>> 8 === 0xe00000)
    return [invalid(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")];
  return [];
}

/**
 * `IsValidIPv4Address`. From 1.33 strict (no leading zeros): what netip
 * cannot parse is "not a valid IP address"; before, Go's sloppy parser's wording.
 */
function ipv4Address(ip: string, path: string, strict: boolean): FieldError[] {
  if (strict) {
    if (!isIp(ip)) return [invalid(path, ip, "must be a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)")];
    if (ipToNumber(ip) === undefined) return [invalid(path, ip, "must be an IPv4 address")];
    return [];
  }
  const sloppy = /^\d{1,3}(\.\d{1,3}){3}$/.test(ip) && ip.split(".").every((o) => Number(o) <= 255);
  return sloppy ? [] : [invalid(path, ip, "must be a valid IPv4 address")];
}

/** `ValidateEndpointSlice` (name and metadata maps are checked by the caller). */
export function validateEndpointSlice(slice: EndpointSlice, strictIPs: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const types = ["FQDN", "IPv4", "IPv6"];
  if (!slice.addressType) errs.push(required("addressType"));
  else if (!types.includes(slice.addressType))
    errs.push(notSupported("addressType", slice.addressType, types));
  (slice.endpoints ?? []).forEach((e, i) => {
    const path = `endpoints[${i}]`;
    if (!e.addresses?.length) errs.push(required(`${path}.addresses`, "must contain at least 1 address"));
    (e.addresses ?? []).forEach((a, j) => {
      const ap = `${path}.addresses[${j}]`;
      if (slice.addressType === "IPv4") {
        const bad = ipv4Address(a, ap, strictIPs);
        errs.push(...(bad.length > 0 ? bad : nonSpecialIPv4(a, ap)));
      } else if (slice.addressType === "IPv6" && !(a.includes(":") && isIp(a))) {
        errs.push(
          invalid(
            ap,
            a,
            strictIPs
              ? "must be a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)"
              : "must be a valid IPv6 address",
          ),
        );
      }
    });
    if (e.hostname !== undefined)
      errs.push(...isDNS1123Label(e.hostname).map((m) => invalid(`${path}.hostname`, e.hostname, m)));
  });
  const names = new Set<string>();
  (slice.ports ?? []).forEach((p, i) => {
    const path = `ports[${i}]`;
    if (p.name) {
      errs.push(...isDNS1123Label(p.name).map((m) => invalid(`${path}.name`, p.name, m)));
      if (names.has(p.name)) errs.push({ type: "Duplicate", field: `${path}.name`, bad: { value: p.name } });
      names.add(p.name);
    }
    if (p.protocol && !PROTOCOLS.includes(p.protocol))
      errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    if (p.port !== undefined && p.port !== null)
      errs.push(...isValidPortNum(p.port).map((m) => invalid(`${path}.port`, p.port, m)));
  });
  return errs;
}

/** `ValidateEndpoints`' subsets: addresses must be IPs, ports valid and named when several. */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const path = `subsets[${i}]`;
    for (const [field, list] of [
      ["addresses", ss.addresses],
      ["notReadyAddresses", ss.notReadyAddresses],
    ] as const) {
      (list ?? []).forEach((a, j) => {
        const ap = `${path}.${field}[${j}].ip`;
        // An address without an ip holds Go's zero value, "".
        const ip = a.ip ?? "";
        if (!isIp(ip))
          errs.push(invalid(ap, ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        else errs.push(...nonSpecialIPv4(ip, ap));
      });
    }
    const ports = ss.ports ?? [];
    ports.forEach((p, j) => {
      const pp = `${path}.ports[${j}]`;
      if (ports.length > 1 && !p.name) errs.push(required(`${pp}.name`));
      else if (p.name) errs.push(...isDNS1123Label(p.name).map((m) => invalid(`${pp}.name`, p.name, m)));
      const port = p.port ?? 0;
      errs.push(...isValidPortNum(port).map((m) => invalid(`${pp}.port`, port, m)));
      if (!p.protocol) errs.push(required(`${pp}.protocol`));
      else if (!PROTOCOLS.includes(p.protocol))
        errs.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
    });
  });
  return errs;
}
