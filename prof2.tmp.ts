import { MEASURED_NODE, syntheticClusterIP, syntheticInput } from "./src/engine/bench/synthetic";
import { createProxyModes } from "./src/engine/proxy/modes";
import type { HookContext } from "./src/engine/proxy/types";
const input = syntheticInput(10000, 10, "iptables");
const plane = createProxyModes().iptables.build(input, MEASURED_NODE);
const ctx: HookContext = { node: MEASURED_NODE, ctState: "NEW", dstIsLocal: false, srcIsLocal: false, random: () => 0.3, nowMs: 1000, inInterface: "veth1" };
const pkt = (svc: number) => ({ proto: "TCP" as const, src: "10.244.1.2", sport: 40000, dst: syntheticClusterIP(svc), dport: 80, mark: 0, bytes: 60, flags: ["SYN"] });
// warm: touch services
for (const svc of [9999, 5000, 100]) plane.hook("PREROUTING", pkt(svc), ctx);
for (const svc of [9999, 5000, 100]) {
  let best = Infinity; let rules = 0;
  for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 50; i++) rules = plane.hook("PREROUTING", pkt(svc), ctx).rulesEvaluated; best = Math.min(best, (performance.now() - t) / 50); }
  console.log("warm svc", svc, "rules", rules, (best * 1000).toFixed(1), "µs", (best * 1e6 / rules).toFixed(1), "ns/rule");
}
let t = performance.now(); let n = 0;
for (let svc = 1; svc < 9000; svc += 37) { plane.hook("PREROUTING", pkt(svc), ctx); n++; }
console.log("cold first packets", ((performance.now() - t) / n * 1000).toFixed(1), "µs each");
