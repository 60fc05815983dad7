import { describe, expect, it } from "vitest";
import type { ProxyMode } from "../api/configTypes";
import { Simulation } from "../simulation";
import { BURST_TRACES } from "./burst";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: registry.k8s.io/e2e-test-images/agnhost:2.53, args: [netexec, --http-port=8080], ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: c, image: registry.k8s.io/e2e-test-images/agnhost:2.53, args: [pause]}]}
`;

const STATE: Record<ProxyMode, string> = {
  iptables: "iptables-save -c",
  ipvs: "ipvsadm -Ln --stats",
  nftables: "nft list ruleset",
};

function cluster(mode: ProxyMode): Simulation {
  const sim = new Simulation({ seed: 5 });
  sim.setProxyMode(mode);
  sim.apply([{ name: "web.yaml", text: WEB }]);
  return sim;
}

describe("a burst's counted connections", () => {
  // Past BURST_TRACES the connections are sent counts-only: they must pick the same backends and
  // leave the same counters, connections and draws as connections sent one by one with full traces.
  for (const mode of ["iptables", "ipvs", "nftables"] as const) {
    it(`pick and count as full traces do (${mode})`, () => {
      const request = { from: { type: "pod" as const, namespace: "default", name: "client" }, target: "web" };
      const n = BURST_TRACES + 40;
      const burst = cluster(mode);
      const { result } = burst.burst(request, n);
      const one = cluster(mode);
      const tally = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const t = one.send(request);
        const key = `${t.backend?.namespace}/${t.backend?.pod}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      expect(result.count).toBe(n);
      expect(result.failed).toBe(0);
      expect(result.received.map((r) => [r.pod, r.count])).toEqual(
        [...tally].sort(([a], [b]) => a.localeCompare(b)),
      );
      expect(burst.run(STATE[mode]).output).toBe(one.run(STATE[mode]).output);
      expect(burst.run("conntrack -L").output).toBe(one.run("conntrack -L").output);
      // The next connection draws the same random numbers and walks the same rules (a fold's ref
      // numbers the walks recorded before it, which only the one-by-one sends recorded).
      const text = (t: unknown) => JSON.stringify(t, (k, v) => (k === "ref" ? undefined : v));
      expect(text(burst.send(request))).toBe(text(one.send(request)));
    });
  }
});
