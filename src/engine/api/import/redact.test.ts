import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../simulation";
import { redactDump } from "./redact";

const DUMPS = ["kind.yaml", "kind-ipvs.json", "kind-nftables.yaml"];

/** What the simulation makes of a dump: objects per kind, pod and Service addresses, the rules. */
async function imported(text: string, name: string) {
  const sim = new Simulation();
  const report = await sim.importCluster({ name, text });
  const objects = sim.objects();
  return {
    counts: report.counts,
    errors: report.errors,
    pods: objects
      .filter((o) => o.kind === "Pod")
      .map((p) => [p.metadata.name, p.status?.podIP, p.spec?.nodeName]),
    services: objects
      .filter((o) => o.kind === "Service")
      .map((s) => [s.metadata.name, s.spec?.clusterIP, s.spec?.ports]),
    slices: objects.filter((o) => o.kind === "EndpointSlice").map((s) => [s.metadata.name, s.endpoints]),
    view: sim.view().services.map((s) => [s.name, s.endpoints]),
    rules: sim.run("iptables-save").output,
    ipvs: sim.run("ipvsadm -Ln").output,
  };
}

describe("redactDump", () => {
  for (const name of DUMPS) {
    it(`${name}: imports to the same cluster, rules and all, without what it takes out`, async () => {
      const text = readFileSync(`testdata/import/${name}`, "utf8");
      const out = redactDump(text, name);
      if (!("text" in out)) throw new Error(JSON.stringify(out.errors));
      expect(out.redacted.annotations).toBeGreaterThan(0);
      expect(out.redacted.managedFields + out.redacted.status).toBeGreaterThan(0);
      expect(out.text).not.toContain('"annotations"');
      expect(out.text).not.toContain('"managedFields"');
      expect(out.text).not.toContain('"containerStatuses"');
      expect(out.text).not.toContain('"images"');
      const original = await imported(text, name);
      expect(original.counts.length).toBeGreaterThan(3);
      expect(original.pods.length).toBeGreaterThan(3);
      expect(await imported(out.text, "shared.json")).toEqual(original);
    });
  }

  it("takes out env values and the data of ConfigMaps the import does not read, keeps kube-proxy's", () => {
    const dump = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: app
    namespace: default
    uid: 1
    resourceVersion: "1"
  spec:
    containers:
    - name: app
      image: app
      env:
      - name: PASSWORD
        value: hunter2
      - name: FROM
        valueFrom:
          secretKeyRef: {name: s, key: k}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: app-config, namespace: default, uid: 2, resourceVersion: "2"}
  data: {token: secret-value}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: kube-proxy, namespace: kube-system, uid: 3, resourceVersion: "3"}
  data: {config.conf: "mode: ipvs"}
`;
    const out = redactDump(dump, "d.yaml");
    if (!("text" in out)) throw new Error("not read");
    expect(out.text).not.toContain("hunter2");
    expect(out.text).not.toContain("secret-value");
    expect(out.text).toContain("secretKeyRef");
    expect(out.text).toContain("mode: ipvs");
    expect(out.redacted).toMatchObject({ envValues: 1, data: 1 });
  });

  it("a dump that cannot be read gives kubectl's error at its line", () => {
    const out = redactDump("kind: List\nitems: [\n", "bad.yaml");
    expect("errors" in out && out.errors[0]?.source?.file).toBe("bad.yaml");
  });
});
