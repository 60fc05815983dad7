import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { KUBECTL_VIEWS } from "../shell/kubectl/kindViews";
import schema from "./decode/schema.json";
import { KINDS, lookupKind, NAMESPACED_KINDS, pluralName, resourceName } from "./kinds";

const ROOT = resolve(__dirname, "../../..");

describe("the kind registry", () => {
  it("names every kind's Go struct, and the decode schema has it", () => {
    for (const k of KINDS) expect(Object.keys(schema.types), k.kind).toContain(k.goType);
  });

  it("every kind kubectl serves is in the editor's schema generator", () => {
    const generator = readFileSync(resolve(ROOT, "scripts/generate-schemas.mjs"), "utf8");
    for (const kind of Object.keys(KUBECTL_VIEWS)) expect(generator, kind).toContain(`"${kind}"`);
  });

  it("derives names and scope from one table", () => {
    expect(lookupKind("apps/v1", "Deployment")).toBe("Deployment");
    expect(lookupKind("v1", "Deployment")).toBeUndefined();
    expect(lookupKind("v1", "toString")).toBeUndefined();
    expect(resourceName("EndpointSlice")).toBe("endpointslice.discovery.k8s.io");
    expect(pluralName("Deployment")).toBe("deployments.apps");
    expect([...NAMESPACED_KINDS].sort()).toEqual(
      [
        "ConfigMap",
        "Deployment",
        "EndpointSlice",
        "Endpoints",
        "IPAddressPool",
        "Lease",
        "Pod",
        "ReplicaSet",
        "Service",
      ].sort(),
    );
  });
});
