import { describe, expect, it } from "vitest";
import type { Pod } from "../api/types";
import { listenerOf } from "./registry";

function pod(image: string, ports: { containerPort: number; protocol?: string }[]): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default" },
    spec: { containers: [{ name: "c", image, ports }] },
  } as Pod;
}

describe("who listens on a declared port", () => {
  const app = pod("registry.example.internal/payments:2.4.1", [
    { containerPort: 8443 },
    { containerPort: 53, protocol: "UDP" },
  ]);

  it("an image Packetwalk does not model listens on nothing in a cluster built from manifests", () => {
    expect(listenerOf(app, 8443, "TCP")).toBeUndefined();
  });

  it("in an imported cluster it listens on exactly the ports and protocols it declares", () => {
    expect(listenerOf(app, 8443, "TCP", true)?.name).toBe("payments");
    expect(listenerOf(app, 53, "UDP", true)?.name).toBe("payments");
    expect(listenerOf(app, 8443, "UDP", true)).toBeUndefined();
    expect(listenerOf(app, 53, "TCP", true)).toBeUndefined();
    expect(listenerOf(app, 8080, "TCP", true)).toBeUndefined();
  });

  it("a modelled image listens where its process listens, declared or not, imported or not", () => {
    const nginx = pod("nginx:1.27.3", [{ containerPort: 8080 }]);
    expect(listenerOf(nginx, 8080, "TCP", true)).toBeUndefined();
    expect(listenerOf(nginx, 80, "TCP", true)?.name).toMatch(/^nginx/);
  });
});
