import { MEASURED_NODE, syntheticClusterIP, syntheticInput } from "./src/engine/bench/synthetic";
import { createProxyModes } from "./src/engine/proxy/modes";
import type { HookContext } from "./src/engine/proxy/types";
import type { IptablesDataPlane } from "./src/engine/proxy/iptables";
const input = syntheticInput(10000, 10, "iptables");
const plane = createProxyModes().iptables.build(input, MEASURED_NODE) as IptablesDataPlane;
const ctx: HookContext = { node: MEASURED_NODE, ctState: "NEW", dstIsLocal: false, srcIsLocal: false, random: () => 0.3, nowMs: 1000, inInterface: "veth1" };
const pkt = (svc: number) => ({ proto: "TCP" as const, src: "10.244.1.2", sport: 40000, dst: syntheticClusterIP(svc), dport: 80, mark: 0, bytes: 60, flags: ["SYN"] });
let t = performance.now();
let n = 0;
for (const c of plane.ruleset.tables.nat!.chains.values()) { if (c.rules.length >= 0) n++; }
console.log("materialize all", n, "chains", (performance.now() - t).toFixed(0), "ms =", ((performance.now() - t) / 10000 * 1000).toFixed(1), "µs per service");
t = performance.now(); n = 0;
for (let svc = 1; svc < 10000; svc += 3) { plane.hook("PREROUTING", pkt(svc), ctx); n++; }
console.log("first packets after materializing", ((performance.now() - t) / n * 1000).toFixed(1), "µs each");
