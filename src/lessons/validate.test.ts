import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse";
import { validateLesson } from "./validate";

const step = {
  id: "one",
  title: { en: "One", ko: "하나" },
  narration: { en: "Text", ko: "글" },
  commands: ["kubectl get svc"],
};
const lesson = {
  id: "demo",
  title: { en: "Demo", ko: "데모" },
  summary: { en: "S", ko: "요약" },
  steps: [step],
};

describe("validateLesson", () => {
  it("accepts a minimal lesson and keeps its fields, on the default cluster", () => {
    const r = validateLesson(lesson);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.steps[0]).toEqual({
      ...step,
      setup: [],
      commands: [{ run: "kubectl get svc", fails: false, quiet: false }],
    });
    expect(r.lesson.cluster).toEqual({ seed: 1, apply: [], files: {} });
  });

  it("defaults commands to an empty list; a command meant to fail says so", () => {
    const { commands: _, ...noCommands } = step;
    const r = validateLesson({ ...lesson, steps: [noCommands] });
    expect(r.ok && r.lesson.steps[0]!.commands).toEqual([]);
    const failing = validateLesson({
      ...lesson,
      steps: [
        { ...step, commands: ["kubectl get svc", { run: "curl -sS nobody", fails: true }, { run: 3 }] },
      ],
    });
    expect(failing.ok ? [] : failing.errors).toEqual([
      "steps[0].commands[2]: must be a line, or a mapping with run (a line), fails and quiet (true or false)",
    ]);
  });

  it("reads the cluster a lesson declares, checking its files", () => {
    const cluster = {
      seed: 1,
      start: "2021-02-07T09:49:45Z",
      apply: ["seed/cluster.yaml"],
      files: { "kubernetes-sample/pod/nginx.yaml": "seed/nginx.yaml" },
    };
    const known = { files: ["seed/cluster.yaml", "seed/nginx.yaml"] };
    const r = validateLesson({ ...lesson, cluster }, known);
    expect(r.ok && r.lesson.cluster).toEqual({
      seed: 1,
      startTime: Date.UTC(2021, 1, 7, 9, 49, 45),
      apply: ["seed/cluster.yaml"],
      files: { "kubernetes-sample/pod/nginx.yaml": "seed/nginx.yaml" },
    });
    const bad = validateLesson(
      { ...lesson, cluster: { ...cluster, start: "yesterday", apply: ["seed/x.yaml"] } },
      known,
    );
    expect(bad.ok ? [] : bad.errors).toEqual([
      'cluster.start: must be a date and time, e.g. "2021-02-07T09:49:45Z"',
      'cluster.apply[0]: no lesson file named "seed/x.yaml"',
    ]);
  });

  it("reads a challenge: goals in the small vocabulary, hints, a solution", () => {
    const challenge = {
      goals: [
        { endpoints: { service: "web", count: 3 } },
        { packet: { from: "external", to: "node:kind-worker:30080", verdict: "delivered" } },
        { everyNode: { from: "external", port: 30080, verdict: "delivered" } },
        { command: { run: "dig +short web", output: "^10\\.", exitCode: 0 } },
        { mode: "nftables" },
      ],
      hints: [{ en: "Look at the selector.", ko: "셀렉터를 보자." }],
      solution: { commands: ["kubectl get svc"], manifests: "kind: Service", proxyMode: "nftables" },
    };
    const r = validateLesson({ ...lesson, steps: [{ ...step, challenge }] });
    expect(r.ok && r.lesson.steps[0]!.challenge).toEqual(challenge);
    const bad = validateLesson({
      ...lesson,
      steps: [
        {
          ...step,
          challenge: {
            goals: [
              { endpoints: { service: "web" } },
              { packet: { from: "x", to: "web", verdict: "maybe" } },
              { guess: 1 },
              { command: { run: "ls", output: "(" } },
            ],
            hints: [],
            solution: {},
          },
        },
      ],
    });
    expect(bad.ok ? [] : bad.errors).toEqual([
      "steps[0].challenge.goals[0].endpoints: must be a mapping with service (a name) and count (a whole number)",
      'steps[0].challenge.goals[1].packet.from: must be "external", "node:NAME" or "pod:NAMESPACE/NAME"',
      "steps[0].challenge.goals[1].packet.verdict: must be one of delivered, rejected, dropped, timeout, nxdomain",
      "steps[0].challenge.goals[2]: must be a mapping with one of endpoints, packet, everyNode, command, mode",
      expect.stringMatching(
        /^steps\[0\]\.challenge\.goals\[3\]\.command\.output: not a regular expression: /,
      ),
      "steps[0].challenge.hints: must be a non-empty list",
      "steps[0].challenge.solution: must be a mapping with commands, manifests (YAML text) and/or proxyMode",
    ]);
  });

  it("names every problem with its path", () => {
    const r = validateLesson({
      id: "Bad Id",
      title: { en: "T" },
      summary: { en: "S", ko: "요약" },
      steps: [
        {
          ...step,
          proxyMode: "userspace",
          scheduler: "xyz",
          send: { from: "pod:testnet", to: "" },
          bogus: 1,
        },
        {
          ...step,
          burst: { from: "external", to: "web", count: 0 },
          predict: { kind: "guess", question: { en: "?", ko: "?" } },
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        "id: must be lower-case letters, digits and dashes",
        "title.ko: missing text",
        "steps[0].bogus: unknown field",
        "steps[0].proxyMode: must be one of iptables, ipvs, nftables",
        expect.stringMatching(/^steps\[0\]\.scheduler: must be one of rr, /),
        'steps[0].send.from: must be "external", "node:NAME" or "pod:NAMESPACE/NAME"',
        "steps[0].send.to: must name a Service, IP:port or node:NAME:PORT",
        'steps[1].id: duplicate step id "one"',
        "steps[1].burst.count: must be a whole number from 1 to 1000",
        "steps[1].predict.kind: must be one of backend, chain, verdict, node",
        "steps[1].predict: needs a send: the answer is what that packet does",
      ]),
    );
  });

  it("checks example names against the known examples", () => {
    const r = validateLesson(
      { ...lesson, steps: [{ ...step, example: "99-nope" }] },
      { examples: ["01-clusterip"] },
    );
    expect(r.ok ? [] : r.errors).toEqual(['steps[0].example: no example named "99-nope" in src/examples']);
    expect(
      validateLesson(
        { ...lesson, steps: [{ ...step, example: "01-clusterip" }] },
        { examples: ["01-clusterip"] },
      ).ok,
    ).toBe(true);
  });

  it("refuses manifests and example together, and non-text manifests", () => {
    const both = validateLesson({
      ...lesson,
      steps: [{ ...step, example: "01-clusterip", manifests: "kind: Pod" }],
    });
    expect(both.ok ? [] : both.errors).toEqual(["steps[0]: give manifests or example, not both"]);
    const list = validateLesson({ ...lesson, steps: [{ ...step, manifests: [{ kind: "Pod" }] }] });
    expect(list.ok ? [] : list.errors[0]).toMatch(/^steps\[0\]\.manifests: must be YAML text/);
  });

  it("accepts setReady, point and a predicted send", () => {
    const r = validateLesson({
      ...lesson,
      steps: [
        {
          ...step,
          setReady: { pod: "web-2", ready: false },
          point: { pod: "web-2" },
          send: { from: "pod:default/testnet", to: "node:kind-worker:30007" },
          predict: { kind: "backend", question: { en: "Which?", ko: "어느?" } },
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.lesson.steps[0]!.setReady).toEqual({ pod: "web-2", ready: false });
  });

  it("keeps the trace phases a step folds, and refuses a phase the trace does not have", () => {
    const folds = validateLesson({ ...lesson, steps: [{ ...step, fold: ["dns", "conntrack"] }] });
    expect(folds.ok && folds.lesson.steps[0]!.fold).toEqual(["dns", "conntrack"]);
    expect(validateLesson({ ...lesson, steps: [{ ...step, fold: ["arp"] }] })).toEqual({
      ok: false,
      errors: ["steps[0].fold: must be a list of dns, request, reply, conntrack"],
    });
  });

  it("refuses what is not a lesson at all", () => {
    expect(validateLesson(["a list"])).toEqual({
      ok: false,
      errors: ["(file): must be a mapping with id, title, summary and steps"],
    });
    expect(validateLesson({ ...lesson, steps: [] })).toEqual({
      ok: false,
      errors: ["steps: must be a non-empty list"],
    });
  });
});

describe("parseLesson", () => {
  it("reports a YAML syntax error with its line and never throws", () => {
    const r = parseLesson("broken.yaml", "id: x\ntitle: [unclosed\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.file).toBe("broken.yaml");
      expect(r.errors[0]).toMatch(/^line \d+: /);
    }
  });
});
