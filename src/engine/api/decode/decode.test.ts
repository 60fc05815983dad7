import { describe, expect, it } from "vitest";
import type { Kind } from "../types";
import { decodeForKind } from "./admit";
import { DecodeSchema } from "./schema";
import { durationError, quantityError, rfc3339Error } from "./special";

const schema = new DecodeSchema();

function refusal(kind: Kind, apiVersion: string, object: Record<string, unknown>) {
  const r = decodeForKind(schema, kind, apiVersion, { apiVersion, kind, ...object });
  if (r.ok) return undefined;
  return "badRequest" in r ? { message: r.badRequest, path: r.path } : { invalid: r.invalid, path: r.path };
}

const svc = (spec: Record<string, unknown>) => ({ metadata: { name: "web" }, spec });
const container = (c: Record<string, unknown>) => ({
  metadata: { name: "p" },
  spec: { containers: [{ name: "a", image: "nginx", ...c }] },
});

describe("decoding as the API server does (encoding/json's UnmarshalTypeError)", () => {
  it("a wrong type names the struct, the field path without indices and the Go type", () => {
    expect(refusal("Service", "v1", svc({ ports: 80 }))).toEqual({
      message:
        'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
      path: ["spec", "ports"],
    });
  });

  it("list elements keep the enclosing struct until a field of the element is entered", () => {
    expect(refusal("Service", "v1", svc({ ports: [5] }))?.message).toMatch(
      /json: cannot unmarshal number into Go struct field ServiceSpec\.spec\.ports of type v1\.ServicePort$/,
    );
    expect(refusal("Service", "v1", svc({ ports: [{ port: "80" }] }))).toEqual({
      message:
        'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      path: ["spec", "ports", 0, "port"],
    });
  });

  it("named string types keep their Go names (v1.Protocol, v1.ServiceType)", () => {
    expect(refusal("Service", "v1", svc({ type: 1 }))?.message).toMatch(
      /Go struct field ServiceSpec\.spec\.type of type v1\.ServiceType$/,
    );
    expect(refusal("Service", "v1", svc({ ports: [{ port: 80, protocol: 6 }] }))?.message).toMatch(
      /Go struct field ServicePort\.spec\.ports\.protocol of type v1\.Protocol$/,
    );
  });

  it("a fraction or an overflow into an integer quotes the number (ParseInt fails)", () => {
    const deploy = (replicas: unknown) => ({ metadata: { name: "d" }, spec: { replicas } });
    expect(refusal("Deployment", "apps/v1", deploy(2.5))?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(refusal("Deployment", "apps/v1", deploy(2 ** 31))?.message).toMatch(/number 2147483648 into/);
    expect(refusal("Deployment", "apps/v1", deploy(1e21))?.message).toMatch(/number 1e\+21 into/);
    expect(refusal("Deployment", "apps/v1", deploy(2))).toBeUndefined();
  });

  it("map values are checked against the element type; the map key is not in the path", () => {
    expect(
      refusal("Pod", "v1", { metadata: { name: "p", labels: { on: true } }, spec: { containers: [] } })
        ?.message,
    ).toMatch(
      /json: cannot unmarshal bool into Go struct field ObjectMeta\.metadata\.labels of type string$/,
    );
  });

  it("only the first type error is reported, in sorted key order (kubectl sends sorted JSON)", () => {
    const r = refusal("Service", "v1", { metadata: { name: 5 }, spec: { ports: 80 } });
    expect(r?.message).toMatch(/ObjectMeta\.metadata\.name of type string$/);
  });
});

describe("types that decode themselves", () => {
  it("IntOrString decodes into its int32: the inner error gets the field's context", () => {
    expect(refusal("Service", "v1", svc({ ports: [{ port: 80, targetPort: true }] }))?.message).toMatch(
      /json: cannot unmarshal bool into Go struct field ServicePort\.spec\.ports\.targetPort of type int32$/,
    );
    expect(refusal("Service", "v1", svc({ ports: [{ port: 80, targetPort: 8.5 }] }))?.message).toMatch(
      /cannot unmarshal number 8\.5 into Go struct field ServicePort\.spec\.ports\.targetPort of type int32$/,
    );
  });

  it("a bad quantity is ParseQuantity's own error, with no field named", () => {
    expect(refusal("Pod", "v1", container({ resources: { limits: { cpu: "abc" } } }))?.message).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(quantityError("100m")).toBeUndefined();
    expect(quantityError("1")).toBeUndefined();
    expect(quantityError("1Gi")).toBeUndefined();
    expect(quantityError("1e3")).toBeUndefined();
    expect(quantityError("1Qi")).toMatch(/must match/);
    expect(quantityError("1.2.3")).toMatch(/must match/);
    expect(quantityError(".")).toBe("unable to parse numeric part of quantity");
    expect(quantityError("1kk")).toBe("unable to parse quantity's suffix");
  });

  it("an error from a self-decoding type ends the decode and wins over an earlier type error", () => {
    const pod = container({ resources: { limits: { cpu: "x" } } });
    (pod.metadata as Record<string, unknown>).labels = { a: 1 };
    expect(refusal("Pod", "v1", pod)?.message).toMatch(/quantities must match/);
  });

  it("times are RFC 3339 (time.Parse's own wording)", () => {
    expect(rfc3339Error("2021-02-07T09:00:00Z")).toBeUndefined();
    expect(rfc3339Error("2021-02-07T09:00:00.123+09:00")).toBeUndefined();
    expect(rfc3339Error("yesterday")).toBe(
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    );
    expect(rfc3339Error("2021-13-01T00:00:00Z")).toBe(
      'parsing time "2021-13-01T00:00:00Z": month out of range',
    );
    expect(rfc3339Error("2021-02-07")).toBe(
      'parsing time "2021-02-07" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    );
    expect(
      refusal("Service", "v1", { metadata: { name: "a", creationTimestamp: 5 }, spec: {} })?.message,
    ).toMatch(
      /json: cannot unmarshal number into Go struct field ObjectMeta\.metadata\.creationTimestamp of type string$/,
    );
  });

  it("durations are time.ParseDuration's", () => {
    expect(durationError("30s")).toBeUndefined();
    expect(durationError("1h30m")).toBeUndefined();
    expect(durationError("abc")).toBe('time: invalid duration "abc"');
    expect(durationError("30")).toBe('time: missing unit in duration "30"');
    expect(durationError("3x")).toBe('time: unknown unit "x" in duration "3x"');
  });
});

describe("strict field validation (kubectl apply's default)", () => {
  it("lists every unknown field with indices, after a decode that otherwise succeeded", () => {
    expect(refusal("Service", "v1", svc({ foo: 1, ports: [{ port: 80, bar: 1 }] }))).toEqual({
      message:
        'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo", unknown field "spec.ports[0].bar"',
      path: ["spec", "foo"],
    });
  });

  it("field names are case-sensitive", () => {
    expect(refusal("Service", "v1", { metadata: { Name: "a" }, spec: {} })?.message).toMatch(
      /strict decoding error: unknown field "metadata\.Name"$/,
    );
  });

  it("a type error wins over unknown fields", () => {
    expect(refusal("Service", "v1", svc({ foo: 1, ports: 80 }))?.message).toMatch(/cannot unmarshal number/);
  });

  it("config files are read leniently: unknown fields pass, wrong types do not", () => {
    const cc = (networking: unknown) => ({ networking, extra: true });
    expect(
      refusal("ClusterConfiguration", "kubeadm.k8s.io/v1beta4", cc({ podSubnet: "10.0.0.0/16" })),
    ).toBeUndefined();
    expect(refusal("ClusterConfiguration", "kubeadm.k8s.io/v1beta4", cc({ dnsDomain: 12345 }))?.message).toBe(
      'ClusterConfiguration in version "v1beta4" cannot be handled as a ClusterConfiguration: json: cannot unmarshal number into Go struct field Networking.networking.dnsDomain of type string',
    );
    expect(
      refusal("KubeProxyConfiguration", "kubeproxy.config.k8s.io/v1alpha1", {
        mode: "ipvs",
        ipvs: { scheduler: 1 },
      })?.message,
    ).toMatch(/Go struct field KubeProxyIPVSConfiguration\.ipvs\.scheduler of type string$/);
  });

  it("a custom resource's wrong type is an Invalid field (its OpenAPI schema's wording)", () => {
    const r = refusal("IPAddressPool", "metallb.io/v1beta1", {
      metadata: { name: "p" },
      spec: { addresses: "10.0.0.1-10.0.0.5" },
    });
    expect(r && "invalid" in r ? r.invalid?.[0] : undefined).toMatchObject({
      type: "Invalid",
      field: "spec.addresses",
      detail: 'spec.addresses in body must be of type array: "string"',
    });
  });
});

describe("null, as Go's decoder treats it", () => {
  it("leaves a field at its zero value (the key is dropped) and zeroes list elements", () => {
    const r = decodeForKind(schema, "Service", "v1", {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", labels: null },
      spec: { ports: [{ port: 80, targetPort: null }, null], selector: { app: null } },
    });
    expect(r.ok && r.object).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web" },
      spec: { ports: [{ port: 80, targetPort: 0 }, {}], selector: { app: "" } },
    });
  });
});
