/**
 * Every lesson, played step by step on the real engine (no UI): commands
 * must succeed unless the lesson means them to fail, packets must go where
 * the narration says. This is what keeps lesson files honest as the engine grows.
 */
import { describe, expect, it } from "vitest";
import type { Trace } from "../engine/net/types";
import { needsShellAssets } from "../engine/shell/assets";
import { Simulation } from "../engine/simulation";
import { exampleText, loadLessons } from "./loader";
import { buildPrediction } from "./predict";
import { type LessonEngine, runLessonStep } from "./runStep";
import type { Lesson } from "./types";

interface StepRecord {
  step: string;
  outputs: { line: string; output: string; exitCode: number }[];
  traces: Trace[];
  burst?: { pod: string; count: number }[];
  prediction?: { choices: string[]; answer: string };
}

/** Lines that are meant to fail (the lesson shows the failure). */
const EXPECTED_FAILURES = new Set(["kubectl exec testnet -- curl -sS nobody-home"]);

async function play(lesson: Lesson): Promise<StepRecord[]> {
  const sim = new Simulation({ seed: 1 });
  // The shell's assets (describe, explain, logs, patch, help), as the worker loads them before such a line.
  await sim.loadAssets();
  const records: StepRecord[] = [];
  for (const step of lesson.steps) {
    const rec: StepRecord = { step: step.id, outputs: [], traces: [] };
    const engine: LessonEngine = {
      setProxyMode: async (mode, scheduler) => sim.setProxyMode(mode, scheduler),
      apply: async (text) => {
        const report = sim.apply([{ name: "manifests.yaml", text }]);
        expect(report.errors, `${lesson.id}/${step.id} apply`).toEqual([]);
      },
      setPodReady: async (ns, name, ready) => sim.setPodReady(ns, name, ready),
      run: async (line) => {
        // As the worker does: the shell's assets (describe, explain, ...) load before a line that needs them.
        if (needsShellAssets(line)) await sim.loadAssets();
        const out = sim.run(line);
        rec.outputs.push({ line, output: out.output, exitCode: out.exitCode });
      },
      send: async (request, predict) => {
        const trace = sim.send(request);
        rec.traces.push(trace);
        if (predict) rec.prediction = buildPrediction(predict, trace, sim.view());
      },
      burst: async (request, count) => {
        rec.burst = sim.burst(request, count).result.received.map((r) => ({ pod: r.pod, count: r.count }));
      },
      view: async () => sim.view(),
    };
    await runLessonStep(step, engine, exampleText);
    records.push(rec);
  }
  return records;
}

const catalog = await loadLessons();
const lessons = catalog.flatMap((r) => (r.ok ? [r.lesson] : []));
const byId = async (id: string) => play(lessons.find((l) => l.id === id)!);
const step = (records: StepRecord[], id: string) => records.find((r) => r.step === id)!;
const out = (rec: StepRecord, line: string) => rec.outputs.find((o) => o.line === line)?.output ?? "";

describe("every lesson plays on the engine", () => {
  it.each(lessons.map((l) => [l.id, l] as const))(
    "%s: every command succeeds unless it is meant to fail",
    async (_id, lesson) => {
      const records = await play(lesson);
      const failures = records.flatMap((r) =>
        r.outputs
          .filter((o) => (o.exitCode !== 0) !== EXPECTED_FAILURES.has(o.line))
          .map((o) => `${r.step}: ${o.line} → ${o.exitCode}\n${o.output}`),
      );
      expect(failures).toEqual([]);
    },
  );
});

describe("the seed lesson", () => {
  it("shows what the seed shows, step by step", async () => {
    const r = await byId("seed-services");
    const clusterip = step(r, "clusterip");
    expect(out(clusterip, "kubectl get svc")).toMatch(
      /^clusterip-service\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP/m,
    );
    expect(out(clusterip, "curl clusterip-service")).toContain("Welcome to nginx!");
    expect(clusterip.traces[0]?.verdict).toBe("delivered");
    expect(clusterip.prediction?.answer).toMatch(/KUBE-SERVICES|DNAT|KUBE-SEP/);

    const nodeport = step(r, "nodeport");
    expect(out(nodeport, "kubectl get svc")).toMatch(
      /^my-service\s+NodePort\s+\S+\s+<none>\s+80:30007\/TCP/m,
    );
    expect(nodeport.traces[0]?.target).toBe("172.18.0.3:30007");
    expect(nodeport.prediction?.answer).toBe("delivered");

    const ext = step(r, "externalname");
    expect(out(ext, "kubectl get svc")).toMatch(
      /^ext-service\s+ExternalName\s+<none>\s+google\.com\s+<none>/m,
    );
    expect(out(ext, "dig ext-service.default.svc.cluster.local")).toMatch(
      /ext-service\.default\.svc\.cluster\.local\.\s+\d+\s+IN\s+CNAME\s+google\.com\./,
    );

    const headless = step(r, "headless");
    expect(out(headless, "kubectl get svc")).toMatch(/^headless-svc\s+ClusterIP\s+None\s+<none>\s+80\/TCP/m);
    expect(out(headless, "dig headless-svc.default.svc.cluster.local")).toMatch(
      /headless-svc\.default\.svc\.cluster\.local\.\s+\d+\s+IN\s+A\s+10\.244\./,
    );

    const rr = step(r, "ipvs-rr");
    expect(out(rr, "ipvsadm -Ln")).toMatch(/TCP\s+\S+:80 rr/);
    expect(rr.burst?.map((b) => b.count)).toEqual([20, 20, 20]);
    expect(rr.prediction?.choices).toHaveLength(4);
  });

  it("switches the IPVS scheduler between steps: dh and sh send one client's burst to one pod", async () => {
    const r = await byId("seed-services");
    expect(out(step(r, "ipvs-dh"), "ipvsadm -Ln")).toMatch(/TCP\s+\S+:80 dh/);
    expect(step(r, "ipvs-dh").burst).toHaveLength(1);
    expect(step(r, "ipvs-sh").burst).toHaveLength(1);
  });
});

describe("lessons beyond the seed", () => {
  it("session affinity keeps one client on one pod", async () => {
    const r = await byId("session-affinity");
    const again = step(r, "again");
    expect(again.burst).toHaveLength(1);
    expect(again.prediction?.answer).toBe(step(r, "first").traces[0]?.backend?.pod);
  });

  it("externalTrafficPolicy: Local drops on the node without the pod and delivers on the other", async () => {
    const r = await byId("external-traffic-policy");
    const verdicts = [step(r, "local-worker"), step(r, "local-worker2")]
      .map((s) => s.traces[0]?.verdict)
      .sort();
    expect(verdicts).toEqual(["delivered", "dropped"]);
    expect(step(r, "cluster-worker").traces[0]?.verdict).toBe("delivered");
    expect(step(r, "cluster-worker2").traces[0]?.verdict).toBe("delivered");
  });

  it("a Service without endpoints rejects", async () => {
    const r = await byId("no-endpoints");
    expect(step(r, "reject").prediction?.answer).toBe("rejected");
    expect(out(step(r, "reject"), "kubectl exec testnet -- curl -sS nobody-home")).toContain(
      "Couldn't connect to server",
    );
  });

  it("a pod that is not ready gets no connections, and gets them back when ready", async () => {
    const r = await byId("readiness");
    const notReady = step(r, "not-ready");
    expect(notReady.prediction?.choices).toContain("web-2");
    expect(notReady.prediction?.answer).not.toBe("web-2");
    expect(notReady.burst?.map((b) => b.pod).sort()).toEqual(["default/web-1", "default/web-3"]);
    expect(
      step(r, "ready-again")
        .burst?.map((b) => b.pod)
        .sort(),
    ).toEqual(["default/web-1", "default/web-2", "default/web-3"]);
  });

  it("nftables mode lists the kube-proxy table with its verdict maps", async () => {
    const r = await byId("nftables");
    expect(out(step(r, "maps"), "nft list table ip kube-proxy")).toContain("map service-ips");
    expect(step(r, "walk").traces[0]?.verdict).toBe("delivered");
  });
});
