import { describe, expect, it } from "vitest";
import { Simulation } from "../../../engine/simulation";
import { loadCatalog } from "../../i18n/catalogs";
import { translate } from "../../i18n/useT";
import { verdictText } from "./verdictText";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`;

describe("a trace's verdict in words", () => {
  const sim = new Simulation({ seed: 3 });
  sim.apply([{ name: "web.yaml", text: WEB }]);
  const pod = sim.view().pods.find((p) => p.name.startsWith("web-"))!;
  const from = { type: "pod" as const, namespace: "default", name: pod.name };

  it("names the pod that answered", () => {
    const trace = sim.send({ from, target: "web", port: 80 });
    expect(verdictText((k, v) => translate("en", k, v), trace)).toBe(
      `Delivered to ${pod.name} (${pod.ip}:80)`,
    );
  });

  it("names the address reached when the endpoint is no pod (the API server), in both languages", async () => {
    await loadCatalog("ko");
    const trace = sim.send({ from, target: "10.96.0.1", port: 443 });
    expect(trace.verdict).toBe("delivered");
    expect(trace.backend).toBeUndefined();
    const english = verdictText((k, v) => translate("en", k, v), trace);
    expect(english).toMatch(/^Delivered to \d+\.\d+\.\d+\.\d+:6443$/);
    const address = english.slice("Delivered to ".length);
    expect(verdictText((k, v) => translate("ko", k, v), trace)).toBe(`${address}에 전달됨`);
  });
});
