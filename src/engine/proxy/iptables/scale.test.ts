import { beforeAll, describe, expect, it } from "vitest";
import { testedIn, visitsOf } from "../../net/hopWalk.testkit";
import type { Packet } from "../../net/types";
import { FOLD_HEAD } from "../../net/visitBuilder";
import { Prng } from "../../util/prng";
import type { HookContext, ProxyInput } from "../types";
import { buildIptablesDataPlane, type IptablesDataPlane } from "./dataPlane";
import { scaleInput } from "./objects.testkit";

// Counts only, never timing: the timing benchmark lives outside the test suite.
const N = 10_000;
const PER = 10;
let input: ProxyInput;
let dp: IptablesDataPlane;

const pkt = (dst: string): Packet => ({
  proto: "TCP",
  src: "10.244.0.5",
  sport: 40000,
  dst,
  dport: 80,
  mark: 0,
  bytes: 60,
});
const ctx = (prng: Prng): HookContext => ({
  node: "node-0",
  ctState: "NEW",
  dstIsLocal: false,
  srcIsLocal: false,
  random: () => prng.next(),
  nowMs: 0,
  recordWalk: true,
});
const endpointsOf = (i: number) =>
  (input.endpointSlices[i]!.endpoints ?? []).map((e) => `${e.addresses[0]}:8080`);

describe(`${N} Services × ${PER} endpoints`, () => {
  beforeAll(() => {
    input = scaleInput(N, PER);
    dp = buildIptablesDataPlane(input, "node-0");
  }, 120_000);

  it("holds every rule: 31 per service port plus the top-level ones", () => {
    // KUBE-SVC: masquerade + 10 jumps; 10 KUBE-SEP × 2. Top: KUBE-SERVICES N+1, KUBE-POSTROUTING 3,
    // KUBE-MARK-MASQ 1, and the PREROUTING / OUTPUT / POSTROUTING jumps.
    expect(dp.size().detail).toMatchObject({
      natRules: 31 * N + N + 1 + 3 + 1 + 3,
      natChains: 4 + 2 + 4 + N * (1 + PER),
      servicePorts: N,
      endpoints: N * PER,
    });
    expect(dp.lastSyncWrites()).toBe(32 * N + 9);
  });

  it("a first packet to the last Service walks all of KUBE-SERVICES and DNATs to one of its endpoints", () => {
    const r = dp.hook("PREROUTING", pkt(input.services[N - 1]!.spec!.clusterIP!), ctx(new Prng(5)));
    expect(endpointsOf(N - 1)).toContain(`${r.dnat?.ip}:${r.dnat?.port}`);
    expect(r.matched.map((m) => m.chain.slice(0, 9))).toEqual(
      ["PREROUTING", "KUBE-SERVICES", "KUBE-SVC-", "KUBE-SEP-"].map((c) => c.slice(0, 9)),
    );
    expect(testedIn(r.walk)).toBe(r.rulesEvaluated);
    // KUBE-SERVICES is walked whole but shown in three steps: its first rules, a fold, the match.
    const kubeServices = visitsOf(r.walk).find((v) => v.chain === "KUBE-SERVICES")!;
    expect(kubeServices.tested).toBe(N);
    expect(kubeServices.steps.map((s) => s.k)).toEqual([...Array(FOLD_HEAD).fill("rule"), "fold", "rule"]);
    expect(kubeServices.steps[FOLD_HEAD]).toMatchObject({
      k: "fold",
      n: FOLD_HEAD + 1,
      count: N - 1 - FOLD_HEAD,
    });
    const last = kubeServices.steps.at(-1)!;
    expect(last.k === "rule" && last.text).toContain('"bench/svc-09999:http cluster IP"');
    const post = dp.hook("POSTROUTING", r.packet, ctx(new Prng(6)));
    expect(post.snat).toBeUndefined();
    expect(post.rulesEvaluated).toBe(2);
  });

  it("random Services DNAT to their own endpoints; KUBE-SERVICES cost grows with the position", () => {
    const prng = new Prng(11);
    for (let k = 0; k < 50; k++) {
      const i = prng.intn(N);
      const r = dp.hook("PREROUTING", pkt(input.services[i]!.spec!.clusterIP!), ctx(prng));
      expect(endpointsOf(i)).toContain(`${r.dnat?.ip}:${r.dnat?.port}`);
      expect(visitsOf(r.walk).find((v) => v.chain === "KUBE-SERVICES")!.tested).toBe(i + 1);
    }
  });

  it("re-syncs: unchanged writes only the top-level chains; one endpoint less rewrites one service", () => {
    dp.sync(input);
    expect(dp.lastSyncWrites()).toBe(N + 9);
    const victim = 1234;
    const fewer: ProxyInput = {
      ...input,
      endpointSlices: input.endpointSlices.map((s, i) =>
        i === victim ? { ...s, endpoints: (s.endpoints ?? []).slice(1) } : s,
      ),
    };
    dp.sync(fewer);
    // SVC: masquerade + 9 jumps, 9 SEP × 2, one stale SEP chain deleted.
    expect(dp.lastSyncWrites()).toBe(N + 9 + 10 + 18 + 1);
    expect(dp.size().detail.natChains).toBe(4 + 2 + 4 + N * (1 + PER) - 1);
    const r = dp.hook("PREROUTING", pkt(input.services[victim]!.spec!.clusterIP!), ctx(new Prng(3)));
    expect(endpointsOf(victim).slice(1)).toContain(`${r.dnat?.ip}:${r.dnat?.port}`);
  });
});
