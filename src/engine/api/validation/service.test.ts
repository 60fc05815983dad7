import { describe, expect, it } from "vitest";
import { Cluster, defaultClusterConfig } from "../../cluster";
import { defaultService } from "../defaults";
import type { Service } from "../types";
import { invalidMessage } from "./field";
import { validateService, validateServiceUpdate } from "./service";

const cluster = new Cluster(1);

function svc(spec: Record<string, unknown>, name = "web"): Service {
  const s = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, uid: "u", creationTimestamp: "", resourceVersion: "" },
    spec,
  } as Service;
  defaultService(s, cluster);
  return s;
}

const msg = (s: Service, json = true) => invalidMessage("Service", s.metadata.name, validateService(s), json);

describe("validateService messages", () => {
  it("requires ports", () => {
    expect(msg(svc({ selector: { a: "b" } }))).toBe(
      'The Service "web" is invalid: spec.ports: Required value',
    );
  });

  it("lists unnamed ports of a multi-port Service", () => {
    expect(msg(svc({ ports: [{ port: 80 }, { port: 443 }] }, "two-ports"))).toBe(
      'The Service "two-ports" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value',
    );
  });

  it("checks the name as a DNS-1035 label", () => {
    expect(msg(svc({ ports: [{ port: 80 }] }, "1web"))).toBe(
      `The Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it("rejects a targetPort out of range", () => {
    expect(msg(svc({ ports: [{ port: 80, targetPort: 70000 }] }))).toBe(
      'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });

  it("rejects nodePort on ClusterIP", () => {
    expect(msg(svc({ ports: [{ port: 80, nodePort: 30007 }] }))).toBe(
      "The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it("rejects headless NodePort and LoadBalancer", () => {
    expect(msg(svc({ type: "NodePort", clusterIP: "None", ports: [{ port: 80 }] }))).toBe(
      `The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    );
    expect(msg(svc({ type: "LoadBalancer", clusterIP: "None", ports: [{ port: 80 }] }))).toBe(
      `The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
    );
  });

  it("requires externalName for ExternalName", () => {
    expect(msg(svc({ type: "ExternalName" }))).toBe(
      'The Service "web" is invalid: spec.externalName: Required value',
    );
  });

  it("rejects bad type and protocol", () => {
    expect(msg(svc({ type: "Foo", ports: [{ port: 80 }] }))).toBe(
      'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(msg(svc({ ports: [{ port: 80, protocol: "ICMP" }] }))).toBe(
      'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    );
  });

  it("rejects externalTrafficPolicy on ClusterIP and affinity config without ClientIP", () => {
    expect(msg(svc({ externalTrafficPolicy: "Local", ports: [{ port: 80 }] }))).toBe(
      'The Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    );
    expect(
      msg(svc({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } }, ports: [{ port: 80 }] })),
    ).toBe(
      'The Service "web" is invalid: spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None',
    );
  });

  it("reports duplicate port names and protocol+port, rendered per version", () => {
    const s = svc({
      ports: [
        { name: "http", port: 80 },
        { name: "http", port: 80 },
      ],
    });
    expect(msg(s)).toBe(
      'The Service "web" is invalid: \n* spec.ports[1].name: Duplicate value: "http"\n* spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    );
    expect(msg(s, false)).toContain(
      '* spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    );
  });

  it("rejects LoadBalancer on the kubelet port", () => {
    expect(msg(svc({ type: "LoadBalancer", ports: [{ port: 10250 }] }))).toBe(
      'The Service "web" is invalid: spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet',
    );
  });

  it("refuses a changed clusterIP, JSON from 1.34, Go syntax before", () => {
    const old = svc({ clusterIP: "10.96.0.5", ports: [{ port: 80 }] });
    const next = svc({ clusterIP: "10.96.0.6", ports: [{ port: 80 }] });
    const errs = validateServiceUpdate(next, old, false);
    expect(invalidMessage("Service", "web", errs, true)).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.6"]: may not change once set',
    );
    expect(invalidMessage("Service", "web", errs, false)).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.6"}: may not change once set',
    );
  });

  it("accepts a plain ClusterIP Service", () => {
    expect(validateService(svc({ selector: { app: "web" }, ports: [{ port: 80 }] }))).toEqual([]);
    expect(defaultClusterConfig().serviceSubnet).toBe("10.96.0.0/12");
  });
});
