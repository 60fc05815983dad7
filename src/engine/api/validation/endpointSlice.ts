/**
 * EndpointSlice validation (`pkg/apis/discovery/validation`): the address type, each endpoint's
 * addresses, and the ports' names and protocols.
 * NOTE: not every check upstream makes is here (ValidateEndpointIP's reserved ranges, hostname,
 * nodeName, hints and the item limits); the ones a student's manifest trips first are.
 */
import { isIPv4 } from "../ipv4";
import type { EndpointSlice } from "../types";
import type { FieldError } from "./field";
import { duplicate, invalid, notSupported, required } from "./field";
import { isDNS1123Label, validateObjectName } from "./names";

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

/** Validates an EndpointSlice about to be stored. */
export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectName(slice.metadata.name, "DNS1123Subdomain");
  const type = slice.addressType as string | undefined;
  if (!type) errs.push(required("addressType", ""));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported("addressType", type, ADDRESS_TYPES));
  (slice.endpoints ?? []).forEach((ep, i) => {
    const path = `endpoints[${i}].addresses`;
    if (!ep.addresses?.length) errs.push(required(path, "must contain at least 1 address"));
    (ep.addresses ?? []).forEach((addr, j) => {
      if (type === "IPv4" && !isIPv4(addr))
        errs.push(invalid(`${path}[${j}]`, addr, "must be a valid IPv4 address"));
    });
  });
  const names = new Set<string>();
  (slice.ports ?? []).forEach((p, i) => {
    const name = p.name ?? "";
    for (const msg of name ? isDNS1123Label(name) : []) errs.push(invalid(`ports[${i}].name`, name, msg));
    if (names.has(name)) errs.push(duplicate(`ports[${i}].name`, name));
    names.add(name);
    const protocol = p.protocol ?? "TCP";
    if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`ports[${i}].protocol`, protocol, PROTOCOLS));
  });
  return errs;
}
