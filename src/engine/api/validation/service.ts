/**
 * `ValidateService` / `ValidateServiceUpdate` from
 * `pkg/apis/core/validation/validation.go`, in upstream's order of checks.
 */
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";
import { isIp } from "../ipv4";
import type { Service } from "../types";
import type { FieldError } from "./field";
import { duplicate, forbidden, invalid, notSupported, required } from "./field";
import { goStringSlice } from "./goSyntax";
import { validateLabels } from "./metadata";
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  validateObjectName,
} from "./names";

const KUBELET_PORT = 10250;

/** Validates a (defaulted) Service. */
export function validateService(svc: Service): FieldError[] {
  const spec: IServiceSpec = svc.spec ?? {};
  const errs = validateObjectName(svc.metadata.name, "DNS1035Label");
  const headless = spec.clusterIPs?.[0] === "None" || spec.clusterIP === "None";
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && spec.type !== "ExternalName") errs.push(required("spec.ports"));
  switch (spec.type) {
    case "LoadBalancer":
      ports.forEach((p, i) => {
        if (p.port === KUBELET_PORT) {
          errs.push(
            invalid(
              `spec.ports[${i}]`,
              p.port,
              `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`,
            ),
          );
        }
      });
      if (headless)
        errs.push(
          invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"),
        );
      break;
    case "NodePort":
      if (headless)
        errs.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if ((spec.clusterIPs?.length ?? 0) > 0) {
        errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      }
      const cname = (spec.externalName ?? "").replace(/\.$/, "");
      if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid("spec.externalName", cname, m)));
      else errs.push(required("spec.externalName"));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`));
  });
  errs.push(...validateLabels(spec.selector, "spec.selector"));
  errs.push(...validateAffinity(spec));
  errs.push(...validateClusterIPs(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!isIp(ip)) {
      errs.push(
        invalid(
          `spec.externalIPs[${i}]`,
          ip,
          "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
        ),
      );
    }
  });
  const types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
  if (!spec.type) errs.push(required("spec.type"));
  else if (!types.includes(spec.type)) errs.push(notSupported("spec.type", spec.type, types));
  if (spec.type === "ClusterIP") {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(duplicateServicePort(`spec.ports[${i}]`, p));
    seen.add(key);
  });
  errs.push(...validateSourceRanges(spec));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

/** A CIDR as Go's `ParseCIDRSloppy` reads it (leading zeros allowed), or an IPv6 CIDR. */
function isSloppyCidr(value: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,3})$/.exec(value);
  if (m) return m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
  const [ip, bits, ...rest] = value.split("/");
  return (
    rest.length === 0 &&
    !!ip?.includes(":") &&
    isIp(ip) &&
    /^\d{1,3}$/.test(bits ?? "") &&
    Number(bits) <= 128
  );
}

/**
 * loadBalancerSourceRanges: LoadBalancer only, each a CIDR (spaces around it
 * allowed). Upstream names the field `spec.LoadBalancerSourceRanges`.
 */
function validateSourceRanges(spec: IServiceSpec): FieldError[] {
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length === 0) return [];
  const path = "spec.LoadBalancerSourceRanges";
  const errs: FieldError[] = [];
  if (spec.type !== "LoadBalancer")
    errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
  ranges.forEach((raw, i) => {
    const value = raw.trim();
    if (!isSloppyCidr(value))
      errs.push(
        invalid(`${path}[${i}]`, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"),
      );
  });
  return errs;
}

/**
 * The Duplicate value of a repeated protocol+port: the internal
 * `core.ServicePort{Protocol, Port}` key, as JSON (1.34+) or Go syntax.
 * NOTE: the JSON field names (internal types have no json tags) are derived, not captured.
 */
function duplicateServicePort(field: string, p: IServicePort): FieldError {
  const proto = JSON.stringify(p.protocol ?? "");
  const go = `core.ServicePort{Name:"", Protocol:${proto}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
  const value = {
    Name: "",
    Protocol: p.protocol ?? "",
    AppProtocol: null,
    Port: p.port,
    TargetPort: 0,
    NodePort: 0,
  };
  return duplicate(field, value, go);
}

function validateServicePort(
  p: IServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${path}.name`));
  else if (p.name) {
    errs.push(...isDNS1123Label(p.name).map((m) => invalid(`${path}.name`, p.name, m)));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    else names.add(p.name);
  }
  errs.push(...isValidPortNum(p.port).map((m) => invalid(`${path}.port`, p.port, m)));
  const protocols = ["SCTP", "TCP", "UDP"];
  if (!p.protocol) errs.push(required(`${path}.protocol`));
  else if (!protocols.includes(p.protocol))
    errs.push(notSupported(`${path}.protocol`, p.protocol, protocols));
  const tp = p.targetPort;
  if (typeof tp === "number") {
    errs.push(...isValidPortNum(tp).map((m) => invalid(`${path}.targetPort`, tp, m)));
  } else if (typeof tp === "string") {
    errs.push(...isValidPortName(tp).map((m) => invalid(`${path}.targetPort`, tp, m)));
  }
  return errs;
}

function validateAffinity(spec: IServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const affinity = spec.sessionAffinity;
  if (!affinity) errs.push(required("spec.sessionAffinity"));
  else if (affinity !== "ClientIP" && affinity !== "None") {
    errs.push(notSupported("spec.sessionAffinity", affinity, ["ClientIP", "None"]));
  }
  if (affinity === "ClientIP") {
    const cfg = spec.sessionAffinityConfig;
    const when = "when session affinity type is ClientIP";
    if (!cfg) errs.push(required("spec.sessionAffinityConfig", when));
    else if (!cfg.clientIP) errs.push(required("spec.sessionAffinityConfig.clientIP", when));
    else {
      const t = cfg.clientIP.timeoutSeconds;
      if (t === undefined) errs.push(required("spec.sessionAffinityConfig.clientIP.timeoutSeconds", when));
      else if (!(t > 0 && t <= 86400)) {
        errs.push(
          invalid(
            "spec.sessionAffinityConfig.clientIP.timeoutSeconds",
            t,
            "must be greater than 0 and less than 86400",
          ),
        );
      }
    }
  } else if (affinity === "None" && spec.sessionAffinityConfig) {
    errs.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }
  return errs;
}

function validateClusterIPs(spec: IServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP && ips.length > 0 && ips[0] !== spec.clusterIP) {
    errs.push(invalid("spec.clusterIPs", ips, "first value must match `clusterIP`", goStringSlice(ips)));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1) {
        errs.push(
          invalid("spec.clusterIPs", ips, "'None' must be the first and only value", goStringSlice(ips)),
        );
      }
      return;
    }
    if (!isIp(ip)) {
      errs.push(
        invalid(`spec.clusterIPs[${i}]`, ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
      );
    }
  });
  return errs;
}

function externallyAccessible(spec: IServiceSpec): boolean {
  return (
    spec.type === "LoadBalancer" ||
    spec.type === "NodePort" ||
    (spec.type === "ClusterIP" && (spec.externalIPs?.length ?? 0) > 0)
  );
}

function validateTrafficPolicies(spec: IServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (etp)
      errs.push(
        invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"),
      );
  } else if (!etp) {
    errs.push(required("spec.externalTrafficPolicy"));
  } else if (etp !== "Cluster" && etp !== "Local") {
    errs.push(notSupported("spec.externalTrafficPolicy", etp, ["Cluster", "Local"]));
  }
  const needsHealthCheck = spec.type === "LoadBalancer" && etp === "Local";
  if (!needsHealthCheck && spec.healthCheckNodePort) {
    errs.push(
      invalid(
        "spec.healthCheckNodePort",
        spec.healthCheckNodePort,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  }
  const itp = spec.internalTrafficPolicy;
  if (itp && itp !== "Cluster" && itp !== "Local") {
    errs.push(notSupported("spec.internalTrafficPolicy", itp, ["Cluster", "Local"]));
  }
  return errs;
}

/**
 * `ValidateServiceUpdate`'s own checks (then `validateService` runs): the
 * ClusterIP may not change unless the Service moves to or from ExternalName.
 * `legacyClusterIP` picks the pre-1.20 single-field wording.
 */
export function validateServiceUpdate(svc: Service, old: Service, legacyClusterIP: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const oldSpec = old.spec ?? {};
  if (spec.type === "ExternalName" || oldSpec.type === "ExternalName") return errs;
  if (legacyClusterIP) {
    if (oldSpec.clusterIP && spec.clusterIP !== oldSpec.clusterIP) {
      errs.push(invalid("spec.clusterIP", spec.clusterIP ?? "", "field is immutable"));
    }
    return errs;
  }
  const newIPs = spec.clusterIPs ?? [];
  const oldIPs = oldSpec.clusterIPs ?? [];
  if (newIPs[0] === "None" && oldIPs[0] === "None") return errs;
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== newIPs[i]) {
        errs.push(invalid(`spec.clusterIPs[${i}]`, newIPs, "may not change once set", goStringSlice(newIPs)));
      }
    });
  } else if (oldIPs.length > 0 && newIPs.length === 0) {
    errs.push(invalid("spec.clusterIPs[0]", newIPs, "primary clusterIP can not be unset", "[]string(nil)"));
  }
  return errs;
}
