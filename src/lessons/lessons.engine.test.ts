/**
 * Every lesson, played step by step on the real engine (no UI): commands
 * must succeed unless the lesson means them to fail, packets must go where
 * the narration says. This is what keeps lesson files honest as the engine grows.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { SendRequest } from "../engine/net/contract";
import type { Trace } from "../engine/net/types";
import { needsShellAssets } from "../engine/shell/assets";
import { Simulation } from "../engine/simulation";
import { mask, parseTranscript } from "../testing/transcript.testkit";
import { checkGoals, type GoalEngine, type GoalResult } from "./goals";
import { LESSON_FILES, loadLessons } from "./loader";
import { buildPrediction } from "./predict";
import { type LessonEngine, prepareCluster, runLessonStep } from "./runStep";
import type { Lesson, PredictKind } from "./types";

interface StepRecord {
  step: string;
  outputs: { prompt: string; line: string; output: string; exitCode: number; fails: boolean }[];
  traces: Trace[];
  burst?: { pod: string; count: number }[];
  prediction?: { choices: string[]; answer: string };
  /** A challenge's goals, checked before the student does anything, and after its solution. */
  challenge?: { before: GoalResult[]; after: GoalResult[] };
}

/** The engine as a lesson step and a challenge's checks see it, recording what they did. */
function lessonEngine(sim: () => Simulation, rec: StepRecord, id: string): LessonEngine & GoalEngine {
  return {
    setProxyMode: async (mode, scheduler) => sim().setProxyMode(mode, scheduler),
    apply: async (text) => {
      const report = sim().apply([{ name: "manifests.yaml", text }]);
      expect(report.errors, `${id} apply`).toEqual([]);
    },
    show: async () => {},
    setPodReady: async (ns, name, ready) => sim().setPodReady(ns, name, ready),
    run: async (line, how?: { quiet: boolean; fails: boolean }) => {
      const prompt = sim().prompt();
      // As the worker does: the shell's assets are fetched before a line that needs them.
      if (needsShellAssets(line)) await sim().loadAssets();
      const out = sim().run(line);
      if (!how?.quiet)
        rec.outputs.push({
          prompt,
          line,
          output: out.output,
          exitCode: out.exitCode,
          fails: how?.fails ?? false,
        });
      else expect(out.exitCode, `${id} setup: ${line}\n${out.output}`).toBe(0);
      return out;
    },
    send: async (request: SendRequest, predict?: PredictKind) => {
      const trace = sim().send(request);
      rec.traces.push(trace);
      if (predict) rec.prediction = buildPrediction(predict, trace, sim().view());
      return trace;
    },
    burst: async (request, count) => {
      rec.burst = sim()
        .burst(request, count)
        .result.received.map((r) => ({ pod: r.pod, count: r.count }));
    },
    view: async () => sim().view(),
  };
}

async function play(lesson: Lesson): Promise<StepRecord[]> {
  let sim = new Simulation();
  const records: StepRecord[] = [];
  await prepareCluster(
    lesson.cluster,
    {
      reset: async (options) => {
        sim = new Simulation(options);
      },
      applyFile: async (name, text) => {
        expect(sim.apply([{ name, text }]).errors, `${lesson.id} cluster ${name}`).toEqual([]);
      },
      writeFile: async (path, text) => sim.writeFile(path, text),
    },
    LESSON_FILES,
  );
  for (const step of lesson.steps) {
    const rec: StepRecord = { step: step.id, outputs: [], traces: [] };
    const engine = lessonEngine(() => sim, rec, `${lesson.id}/${step.id}`);
    await runLessonStep(step, engine, LESSON_FILES);
    if (step.challenge) {
      const quiet: StepRecord = { step: step.id, outputs: [], traces: [] };
      const checker = lessonEngine(() => sim, quiet, `${lesson.id}/${step.id} check`);
      const before = await checkGoals(step.challenge.goals, checker);
      const { manifests, commands = [], proxyMode } = step.challenge.solution;
      for (const line of commands) await checker.run(line, { quiet: true, fails: false });
      if (manifests) await checker.apply(manifests);
      if (proxyMode) await checker.setProxyMode(proxyMode);
      rec.challenge = { before, after: await checkGoals(step.challenge.goals, checker) };
    }
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
    "%s: every command succeeds unless the lesson says it is meant to fail",
    async (_id, lesson) => {
      const records = await play(lesson);
      const failures = records.flatMap((r) =>
        r.outputs
          .filter((o) => (o.exitCode !== 0) !== o.fails)
          .map((o) => `${r.step}: ${o.line} → ${o.exitCode}\n${o.output}`),
      );
      expect(failures).toEqual([]);
    },
  );

  it("at least eight lessons set challenges the engine checks", () => {
    expect(lessons.filter((l) => l.steps.some((s) => s.challenge)).length).toBeGreaterThanOrEqual(8);
  });

  it.each(lessons.filter((l) => l.steps.some((s) => s.challenge)).map((l) => [l.id, l] as const))(
    "%s: each challenge fails as the lesson starts it, and its solution passes every goal",
    async (_id, lesson) => {
      const records = await play(lesson);
      for (const r of records.filter((x) => x.challenge)) {
        expect(
          r.challenge!.before.some((g) => !g.pass),
          `${r.step}: a goal already holds before the student acts`,
        ).toBe(true);
        const failing = r
          .challenge!.after.filter((g) => !g.pass)
          .map((g) => `${JSON.stringify(g.goal)} → ${g.actual}`);
        expect(failing, `${r.step}: the solution leaves goals failing`).toEqual([]);
      }
    },
  );
});

describe("the seed lesson", () => {
  it("runs on the seed's cluster and prints, command for command, what the seed's session printed", async () => {
    const r = await byId("seed-services");
    const transcript = parseTranscript(
      readFileSync(resolve(__dirname, "../../testdata/transcripts/seed-lesson.txt"), "utf8"),
    );
    const body = mask(transcript.body, transcript.masks);
    const shown = ["clusterip", "nodeport", "externalname", "headless"].flatMap((id) => step(r, id).outputs);
    expect(shown.length).toBeGreaterThan(12);
    for (const o of shown) {
      const block = `${o.prompt} ${o.line}\n${o.output}`.replace(/\n$/, "");
      expect(body, `${o.prompt} ${o.line}`).toContain(mask(block, transcript.masks));
    }
    expect(out(step(r, "clusterip"), "kubectl get svc")).toMatch(
      /^clusterip-service\s+ClusterIP\s+10\.233\.23\.13\s+<none>\s+80\/TCP\s+5s$/m,
    );
    expect(out(step(r, "clusterip"), "kubectl describe service clusterip-service")).toContain(
      "IP Families:       <none>",
    );
  });

  it("sends a packet at every step, and its questions are the seed's facts", async () => {
    const r = await byId("seed-services");
    expect(r.every((s) => s.traces.length === 1)).toBe(true);
    const clusterip = step(r, "clusterip");
    expect(clusterip.traces[0]?.backend?.pod).toBe("nginx-fot-svc");
    expect(clusterip.prediction?.answer).toMatch(/ @ node:instance-4$/);
    expect(step(r, "nodeport").traces[0]?.target).toBe("10.142.0.5:30007");
    expect(step(r, "nodeport").prediction).toMatchObject({ answer: "instance-5" });
    expect(step(r, "nodeport").prediction?.choices).toEqual(
      expect.arrayContaining(["instance-1", "instance-4", "instance-5"]),
    );
    const ext = step(r, "externalname").traces[0]!;
    expect(ext.hops.some((h) => h.rewrite?.field === "dst")).toBe(false);
    expect(step(r, "headless").traces[0]?.hops.some((h) => h.rewrite?.field === "dst")).toBe(false);
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
