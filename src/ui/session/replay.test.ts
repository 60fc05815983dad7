import { describe, expect, it } from "vitest";
import type { JournalEntry, SessionRecord } from "./record";
import { ReplayError, replayRecord, runEntry } from "./replay";
import { simulationEngine } from "./simulationEngine.testkit";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;

const noLessons = async () => {
  throw new Error("no lessons in this test");
};

/** What a user did in the terminal and the form, as the UI journals it. */
const journal: JournalEntry[] = [
  { op: "apply", files: [{ name: "manifests.yaml", text: WEB }] },
  { op: "run", line: "kubectl run testnet --image nicolaka/netshoot -- sleep infinity" },
  { op: "run", line: "kubectl exec testnet -- curl -sS web" },
  { op: "run", line: "kubectl create deployment api --image=nginx --replicas=2" },
  { op: "run", line: "sleep 90" },
  { op: "run", line: "kubectl scale deployment web --replicas=4" },
  { op: "run", line: "kubectl label pod testnet tier=client" },
  { op: "send", request: { from: { type: "pod", namespace: "default", name: "testnet" }, target: "web" } },
  { op: "mode", mode: "ipvs", scheduler: "rr" },
  {
    op: "burst",
    request: { from: { type: "pod", namespace: "default", name: "testnet" }, target: "web" },
    count: 7,
  },
  { op: "run", line: "kubectl expose deployment api --port 8080 --target-port 80" },
];

describe("replaying a session record", () => {
  it("lands on the same cluster, names, addresses, clock and next packet as the session it records", async () => {
    const live = simulationEngine();
    await live.engine.reset({ seed: 5 });
    for (const e of journal) await runEntry(live.engine, e);

    const replayed = simulationEngine();
    const record: SessionRecord = { v: 2, seed: 5, journal, trace: { entry: 7, hop: 3 } };
    const outcome = await replayRecord(replayed.engine, record, noLessons);

    const look = (sim: ReturnType<typeof live.sim>) =>
      ["kubectl get pods -o wide --show-labels", "kubectl get svc", "kubectl get deploy", "ipvsadm -Ln"].map(
        (l) => sim.run(l).output,
      );
    expect(look(replayed.sim())).toEqual(look(live.sim()));
    expect(replayed.sim().run("kubectl get pods").output).toMatch(
      /^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\d+s$/m,
    );
    const next = { from: { type: "pod" as const, namespace: "default", name: "testnet" }, target: "web" };
    expect(replayed.sim().send(next).backend).toEqual(live.sim().send(next).backend);
    expect(outcome.trace?.verdict).toBe("delivered");
    expect(outcome.appliedText).toBe(WEB);
    expect(outcome.firstRefusal).toBeUndefined();
  });

  it("reports the first refusal with its file and line, and replays on", async () => {
    const { engine } = simulationEngine();
    const bad = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 70000 }]\n";
    const outcome = await replayRecord(
      engine,
      {
        v: 2,
        seed: 1,
        journal: [
          { op: "apply", files: [{ name: "bad.yaml", text: bad }] },
          { op: "run", line: "kubectl get svc" },
        ],
      },
      noLessons,
    );
    expect(outcome.firstRefusal).toContain('bad.yaml:1: The Service "web" is invalid:');
    expect(outcome.firstRefusal).toContain("spec.ports[0].port: Invalid value: 70000");
    expect(outcome.errors).toHaveLength(1);
  });

  it("stops at an entry the engine fails on and names it", async () => {
    const { engine } = simulationEngine();
    const failing = {
      ...engine,
      send: async () => Promise.reject(new Error("the simulation engine crashed")),
    };
    await expect(
      replayRecord(
        failing,
        {
          v: 2,
          seed: 1,
          journal: [
            { op: "run", line: "kubectl get nodes" },
            { op: "send", request: { from: { type: "external" }, target: "10.96.0.1:443" } },
          ],
        },
        noLessons,
      ),
    ).rejects.toEqual(new ReplayError(1, "the simulation engine crashed"));
  });

  it("a lesson's record starts from the lesson, then replays the journal on top", async () => {
    const { engine, sim } = simulationEngine();
    const lessonReplayer = async (e: typeof engine, position: { id: string; step: number }) => {
      await e.reset({ seed: 1 });
      await e.apply([{ name: "manifests.yaml", text: WEB }]);
      return { editorText: `${position.id}:${position.step}`, trace: null, burst: null, sentView: null };
    };
    const outcome = await replayRecord(
      engine,
      {
        v: 2,
        seed: 9,
        lesson: { id: "demo", step: 2 },
        journal: [{ op: "run", line: "kubectl scale deploy web --replicas=3" }],
      },
      lessonReplayer,
    );
    expect(outcome.appliedText).toBe("demo:2");
    expect(sim().run("kubectl get deploy web --no-headers").output).toMatch(/^web\s+3\/3/);
  });
});
