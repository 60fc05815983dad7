/**
 * hopSummary's "why this way": on every packet's DNAT hop, the test that chose the backend —
 * a statistic roll that matched, or, for the last endpoint, the rolls before it that missed.
 */
import { describe, expect, it } from "vitest";
import { Simulation } from "../simulation";
import { hopSummary, whyMessage } from "./hopStory";
import { english } from "./messages";

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: nicolaka/netshoot}]
`;

describe("hopSummary: why this backend (iptables, 3 endpoints)", () => {
  it("names the roll that matched, or the rolls that missed before the last endpoint's rule", () => {
    const sim = new Simulation({ seed: 5 });
    sim.apply([{ name: "web.yaml", text: MANIFESTS }]);
    sim.advanceClock(30_000);
    const ip = sim.view().services.find((s) => s.name === "web")!.clusterIP;
    const seen = { rolled: 0, rest: 0 };
    for (let i = 0; i < 24; i++) {
      const trace = sim.send({
        from: { type: "pod", namespace: "default", name: "client" },
        target: `${ip}:80`,
      });
      const dnat = trace.hops.find((h) => h.rewrite?.type === "DNAT")!;
      const why = hopSummary(dnat).why;
      expect(why).toHaveLength(1);
      const w = why[0]!;
      expect(w.chain).toMatch(/^KUBE-SVC-/);
      expect(w.action).toMatch(/^KUBE-SEP-/);
      if (w.test) {
        expect(w.test).toMatchObject({ k: "statistic", hit: true });
        expect(w.n).toBeLessThan(4);
        seen.rolled++;
      } else {
        // Rule 1 marks for masquerade, rules 2 and 3 roll; rule 4 takes what is left.
        expect(w).toMatchObject({ n: 4, missed: 2 });
        expect(whyMessage(w, english)).toBe(
          `${w.chain} rule 4 → ${w.action}: the 2 rolls before it missed, and this last rule takes every packet left`,
        );
        seen.rest++;
      }
    }
    expect(seen.rolled).toBeGreaterThan(0);
    expect(seen.rest).toBeGreaterThan(0);
  });
});
