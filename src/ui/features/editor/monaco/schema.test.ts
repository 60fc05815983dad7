import { readFileSync } from "node:fs";
import type { JSONSchema } from "monaco-yaml";
import { describe, expect, it } from "vitest";
import { KINDS, manifestSchema } from "./schema";

const schema = manifestSchema();

/** Every `$ref` in a schema, wherever it sits. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

/** The schema a kind's `if kind … then` branch applies, with a top-level `$ref` followed. */
function kindSchema(kind: string): JSONSchema {
  const branch = (schema.allOf as JSONSchema[]).find(
    (b) => ((b.if as JSONSchema).properties!.kind as JSONSchema).const === kind,
  );
  const then = branch!.then as JSONSchema;
  return then.$ref ? schema.definitions![then.$ref.replace("#/definitions/", "")]! : then;
}

describe("manifestSchema", () => {
  it("offers every supported kind and apiVersion at the top level", () => {
    const kinds = (schema.properties!.kind as JSONSchema).enum;
    expect(kinds).toEqual(
      expect.arrayContaining([
        "Namespace",
        "Node",
        "Pod",
        "Service",
        "Endpoints",
        "ConfigMap",
        "Deployment",
        "ReplicaSet",
        "EndpointSlice",
        "List",
        "ClusterConfiguration",
        "KubeletConfiguration",
        "KubeProxyConfiguration",
        "IPAddressPool",
      ]),
    );
    expect((schema.properties!.apiVersion as JSONSchema).enum).toEqual(
      expect.arrayContaining([
        "v1",
        "apps/v1",
        "discovery.k8s.io/v1",
        "kubeadm.k8s.io/v1beta3",
        "kubeadm.k8s.io/v1beta4",
        "kubelet.config.k8s.io/v1beta1",
        "kubeproxy.config.k8s.io/v1alpha1",
        "metallb.io/v1beta1",
      ]),
    );
  });

  it("dispatches each kind to a schema whose apiVersion enum names its versions", () => {
    for (const k of KINDS) {
      const s = kindSchema(k.kind);
      expect((s.properties!.apiVersion as JSONSchema).enum, k.kind).toEqual(k.apiVersions);
      expect((s.properties!.kind as JSONSchema).enum, k.kind).toEqual([k.kind]);
    }
  });

  it("resolves every reference", () => {
    for (const ref of refs(schema)) {
      if (ref === "#") continue;
      expect(schema.definitions![ref.replace("#/definitions/", "")], ref).toBeDefined();
    }
  });

  it("carries Kubernetes' descriptions and enums", () => {
    const spec = schema.definitions!["v1.ServiceSpec"]!.properties!;
    expect((spec.sessionAffinity as JSONSchema).enum).toEqual(["ClientIP", "None"]);
    expect((spec.sessionAffinity as JSONSchema).description).toContain("Used to maintain session affinity");
    expect((spec.type as JSONSchema).enum).toEqual(["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]);
    const port = schema.definitions!["v1.ServicePort"]!;
    expect(port.required).toEqual(["port"]);
    expect((port.properties!.targetPort as JSONSchema).type).toEqual(["integer", "string"]);
  });

  it("has kube-proxy's modes and IPVS schedulers", () => {
    const proxy = kindSchema("KubeProxyConfiguration").properties!;
    expect((proxy.mode as JSONSchema).enum).toEqual(["", "iptables", "ipvs", "nftables"]);
    const ipvs = (proxy.ipvs as JSONSchema).properties!;
    expect((ipvs.scheduler as JSONSchema).enum).toEqual([
      "",
      "rr",
      "wrr",
      "lc",
      "wlc",
      "lblc",
      "lblcr",
      "dh",
      "sh",
      "sed",
      "nq",
      "mh",
    ]);
  });

  it("stays small enough to ship with the editor", () => {
    const bytes = readFileSync(
      new URL("../../../../engine/api/openapi/kubernetes.json", import.meta.url),
    ).length;
    expect(bytes).toBeLessThan(1_500_000);
  });
});
