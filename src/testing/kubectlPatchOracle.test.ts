/**
 * `kubectl patch --local`, against the real kubectl: kubectl applies the patch itself (the
 * same strategic-merge, JSON-merge and JSON-patch code the API server runs), so the patched
 * objects, the messages and the patch errors must match byte for byte. Server-side behaviour
 * (no change, validation, immutable fields) is covered by the transcripts.
 * Skips where no kubectl is installed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { KUBECTL_1_32, RealKubectl } from "./realKubectl.testkit";

const [DEPLOY, SERVICE] = readFileSync(
  join(__dirname, "..", "..", "testdata", "oracle", "patch-target.yaml"),
  "utf8",
)
  .split(/^---$/m)
  .map((d) => d.trim());

const CONTAINERS = (list: unknown) => JSON.stringify({ spec: { template: { spec: { containers: list } } } });

/** [file, patch type, patch, extra flags]. */
const CASES: [string, string, string, ...string[]][] = [
  ["deploy.yaml", "strategic", CONTAINERS([{ name: "nginx", image: "nginx:1.28" }])],
  ["deploy.yaml", "strategic", CONTAINERS([{ name: "new", image: "agnhost" }])],
  [
    "deploy.yaml",
    "strategic",
    CONTAINERS([
      { name: "sidecar", image: "x" },
      { name: "new", image: "y" },
    ]),
  ],
  ["deploy.yaml", "strategic", CONTAINERS([{ name: "sidecar", $patch: "delete" }])],
  [
    "deploy.yaml",
    "strategic",
    CONTAINERS([
      {
        name: "nginx",
        env: [
          { name: "B", value: "3" },
          { name: "C", value: "4" },
        ],
      },
    ]),
  ],
  [
    "deploy.yaml",
    "strategic",
    CONTAINERS([{ name: "nginx", ports: [{ containerPort: 8080 }, { containerPort: 443, name: "tls" }] }]),
  ],
  ["deploy.yaml", "strategic", CONTAINERS([{ name: "nginx", env: [{ name: "A", $patch: "delete" }] }])],
  ["deploy.yaml", "strategic", CONTAINERS([{ name: "only", image: "z" }, { $patch: "replace" }])],
  ["deploy.yaml", "strategic", CONTAINERS([{ image: "nginx:1.28" }])],
  [
    "deploy.yaml",
    "strategic",
    '{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}}',
  ],
  ["deploy.yaml", "strategic", '{"spec":{"replicas":null,"paused":true}}'],
  ["deploy.yaml", "strategic", '{"spec":{"selector":{"$patch":"replace","matchLabels":{"app":"web2"}}}}'],
  ["deploy.yaml", "strategic", '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}'],
  ["deploy.yaml", "strategic", '{"metadata":{"finalizers":["example.com/c","example.com/a"]}}'],
  ["deploy.yaml", "strategic", '{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"]}}'],
  ["deploy.yaml", "strategic", '{"spec":{"template":{"spec":{"volumes":[{"name":"cache","emptyDir":{}}]}}}}'],
  ["deploy.yaml", "strategic", "spec:\n  replicas: 5\n  minReadySeconds: 10\n"],
  ["deploy.yaml", "strategic", '{"spec":{"replicas":2}}'],
  ["deploy.yaml", "strategic", '"just a string"'],
  ["deploy.yaml", "merge", CONTAINERS([{ name: "only", image: "z" }])],
  ["deploy.yaml", "merge", '{"metadata":{"finalizers":null},"spec":{"strategy":{"rollingUpdate":null}}}'],
  ["deploy.yaml", "merge", '{"spec":{"template":{"metadata":{"labels":{"tier":"web","app":null}}}}}'],
  ["deploy.yaml", "merge", "[1,2]"],
  ["svc.yaml", "strategic", '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'],
  ["svc.yaml", "strategic", '{"spec":{"ports":[{"port":8443,"name":"alt"}]}}'],
  ["svc.yaml", "strategic", '{"spec":{"ports":[{"port":443,"$patch":"delete"}],"type":"NodePort"}}'],
  ["svc.yaml", "json", '[{"op":"add","path":"/spec/ports/-","value":{"port":9000}}]'],
  [
    "svc.yaml",
    "json",
    '[{"op":"replace","path":"/spec/ports/0/port","value":81},{"op":"remove","path":"/spec/ports/1"}]',
  ],
  [
    "svc.yaml",
    "json",
    '[{"op":"add","path":"/spec/ports/0","value":{"port":1}},{"op":"copy","from":"/spec/ports/1","path":"/spec/ports/-"}]',
  ],
  ["svc.yaml", "json", '[{"op":"move","from":"/spec/selector","path":"/metadata/labels"}]'],
  [
    "svc.yaml",
    "json",
    '[{"op":"test","path":"/spec/ports/0/port","value":80},{"op":"add","path":"/spec/type","value":"NodePort"}]',
  ],
  ["svc.yaml", "json", '[{"op":"test","path":"/spec/ports/0/port","value":81}]'],
  ["svc.yaml", "json", '[{"op":"remove","path":"/spec/foo"}]'],
  ["svc.yaml", "json", '[{"op":"replace","path":"/spec/ports/5/port","value":1}]'],
  ["svc.yaml", "json", '[{"op":"add","path":"/spec/ports/9","value":1}]'],
  ["svc.yaml", "json", '[{"op":"add","path":"/nope/deeper","value":1}]'],
  ["svc.yaml", "json", '[{"op":"replace","path":"/spec/ports/-1/port","value":444}]'],
  ["svc.yaml", "json", '[{"op":"frob","path":"/spec"}]'],
  ["svc.yaml", "json", '{"op":"add"}'],
  ["svc.yaml", "json", '[{"op":"add","path":"/spec/clusterIP","value":"10.96.0.5"}]', "-o", "yaml"],
  ["svc.yaml", "strategic", '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}', "-o", "json"],
  ["svc.yaml", "strategic", '{"metadata":{"labels":{"a":"b"}}}', "-o", "name"],
];

/** Arguments kubectl refuses before it asks the server anything. */
const REFUSED: string[][] = [
  ["patch", "svc", "web"],
  ["patch", "svc", "web", "-p", "{}", "--type", "x"],
  ["patch", "svc", "web", "-p", "{}", "--patch-file", "p.json"],
  ["patch", "svc", "web", "-p", "{}", "--local"],
  ["patch", "-f", "svc.yaml", "-p", "{}", "--local", "--dry-run=server"],
  ["patch", "svc", "web", "-p", "{}", "--dry-run"],
  ["patch", "svc", "web", "-p", "{}", "--dry-run=true"],
  ["patch", "svc", "web", "-p", "{}", "--dry-run=maybe"],
  ["patch", "-p", "{}"],
  ["patch", "svc", "web", "--patch-file", "missing.json"],
  ["patch", "svc", "web", "-p", "a: ["],
  ["patch", "svc", "web", "-p", "{}", "-o", "wide"],
  ["patch", "-f", "svc.yaml", "--local", "-p", "{}", "-o", "wide"],
  ["patch", "svc", "web", "--bogus"],
];

describe.skipIf(!KUBECTL_1_32)("kubectl patch --local, with the real kubectl as the oracle", () => {
  let sim: Simulation;
  let kubectl: RealKubectl;
  beforeAll(async () => {
    sim = new Simulation({ seed: 7 });
    await sim.loadAssets();
    kubectl = await RealKubectl.start(sim, "v1.35.0", KUBECTL_1_32 as string);
    for (const [name, text] of [
      ["deploy.yaml", DEPLOY as string],
      ["svc.yaml", SERVICE as string],
    ] as const) {
      sim.writeFile(name, text);
      kubectl.writeFile(name, text);
    }
  }, 60_000);
  afterAll(async () => {
    await kubectl?.stop();
  });

  // klog's header carries the time and kubectl's PID: masked on both sides.
  const klog = (text: string) => text.replace(/^W\d{4} [\d:.]+ +\d+ /gm, "W… ");
  for (const args of REFUSED) {
    it(`kubectl ${args.join(" ")} (refused by kubectl)`, async () => {
      const ours = sim.run(`kubectl ${args.map((a) => (/[{}[\] ]/.test(a) ? `'${a}'` : a)).join(" ")}`);
      const real = await kubectl.run(args);
      expect({ stdout: ours.stdout, stderr: klog(ours.stderr), code: ours.exitCode }).toEqual({
        stdout: real.stdout,
        stderr: klog(real.stderr),
        code: real.code,
      });
    }, 60_000);
  }

  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  for (const [file, type, patch, ...extra] of CASES) {
    const args = [
      "patch",
      "--local",
      "-f",
      file,
      "--type",
      type,
      "-p",
      patch,
      ...(extra.length ? extra : ["-o", "yaml"]),
    ];
    it(`kubectl patch --local -f ${file} --type ${type} -p ${patch} ${extra.join(" ")}`, async () => {
      const ours = sim.run(`kubectl ${args.map((a) => (a === patch ? quote(a) : a)).join(" ")}`);
      const real = await kubectl.run(args);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.exitCode }).toEqual({
        stdout: real.stdout,
        stderr: real.stderr,
        code: real.code,
      });
    }, 60_000);
  }
});

if (!KUBECTL_1_32) {
  describe("kubectl patch --local, with the real kubectl as the oracle", () => {
    it.skip("needs kubectl at /usr/bin/kubectl (or PACKETWALK_KUBECTL)", () => {});
  });
}
