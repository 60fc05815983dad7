import { MEASURED_NODE, syntheticClusterIP, syntheticInput } from "./src/engine/bench/synthetic";
import { createProxyModes } from "./src/engine/proxy/modes";
import type { HookContext } from "./src/engine/proxy/types";
const input = syntheticInput(10000, 10, "iptables");
const plane = createProxyModes().iptables.build(input, MEASURED_NODE);
const ctx: HookContext = { node: MEASURED_NODE, ctState: "NEW", dstIsLocal: false, srcIsLocal: false, random: () => 0.3, nowMs: 1000, inInterface: "veth1" };
const pkt = (svc: number) => ({ proto: "TCP" as const, src: "10.244.1.2", sport: 40000, dst: syntheticClusterIP(svc), dport: 80, mark: 0, bytes: 60, flags: ["SYN"] });
const c0 = process.cpuUsage(); const t = performance.now(); let n = 0;
for (let svc = 1; svc < 10000; svc += 3) { plane.hook("PREROUTING", pkt(svc), ctx); n++; }
console.log("cold first packets", ((performance.now() - t) / n * 1000).toFixed(1), "µs wall,", (process.cpuUsage(c0).user / n).toFixed(1), "µs cpu each");
