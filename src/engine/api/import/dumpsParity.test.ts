/**
 * Every testdata dump (kubectl's own output: src/testing/dumps) in YAML and in JSON imports to the
 * same cluster: the same report, objects and rules. The report's counts are the file's, nothing is
 * ignored or inconsistent, and the rules kube-proxy's mode writes pass the real tools' checks
 * (`iptables-restore --test`, `nft -c -f`) where they are installed.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../simulation";
import { formatNote, type ImportReport } from "./report";

const DUMPS = [
  { name: "kind", mode: "iptables", rules: "iptables-save" },
  { name: "kind-ipvs", mode: "ipvs", rules: "ipvsadm -Ln" },
  { name: "kind-nftables", mode: "nftables", rules: "nft list ruleset" },
  { name: "kubeadm", mode: "ipvs", rules: "ipvsadm -Ln" },
  { name: "eks", mode: "iptables", rules: "iptables-save" },
] as const;

/** What the cluster shows through the tools, after the import. */
const VIEWS = [
  "kubectl get nodes,pods,services,endpointslices -A -o wide",
  "kubectl get configmaps -A",
  "iptables-save",
  "ipset list",
  "ip route",
];

function text(file: string): string {
  return readFileSync(`testdata/import/${file}`, "utf8");
}

async function imported(file: string) {
  const sim = new Simulation();
  const report = await sim.importCluster({ name: file, text: text(file) });
  return { sim, report };
}

/** The report's words without where each was read (lines differ between YAML and JSON). */
function words(report: ImportReport): string[] {
  return report.notes.map((n) => formatNote({ ...n, source: undefined }));
}

/** Objects per kind as the file lists them. */
function fileCounts(json: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of (JSON.parse(json) as { items: { kind: string }[] }).items)
    counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return counts;
}

function realTool(cmd: string, args: string[], input: string) {
  return spawnSync(cmd, args, { input, encoding: "utf8" });
}

const LOADED = await Promise.all(
  DUMPS.map(async (d) => ({
    ...d,
    yaml: await imported(`${d.name}.yaml`),
    json: await imported(`${d.name}.json`),
  })),
);

describe("each dump imports the same from kubectl's -o yaml and -o json", () => {
  for (const { name, mode, rules, yaml, json } of LOADED) {
    describe(name, () => {
      it("imports every object, with the same report from either format", () => {
        expect(yaml.report.errors).toEqual([]);
        expect(json.report.errors).toEqual([]);
        expect(yaml.report.counts).toEqual(json.report.counts);
        expect(words(yaml.report)).toEqual(words(json.report));
        const sources = (r: ImportReport, file: string) =>
          r.notes.filter((n) => n.source).every((n) => n.source?.file.startsWith(file));
        expect(sources(yaml.report, `${name}.yaml`)).toBe(true);
        expect(sources(json.report, `${name}.json`)).toBe(true);
      });

      it("counts exactly the objects the file holds, and ignores or doubts none of them", () => {
        const counts = fileCounts(text(`${name}.json`));
        expect(new Map(json.report.counts.map((c) => [c.kind, c.count]))).toEqual(counts);
        expect(json.report.notes.filter((n) => n.type === "ignored" || n.type === "inconsistent")).toEqual(
          [],
        );
      });

      it(`programs the same ${mode} rules and shows the same objects`, () => {
        for (const view of [rules, ...VIEWS]) {
          const a = yaml.sim.run(view);
          const b = json.sim.run(view);
          expect(a.stderr, view).toBe("");
          expect(a.stdout, view).toBe(b.stdout);
        }
        expect(yaml.sim.view().proxyMode ?? mode).toBe(mode);
      });

      // IPVS mode's rules match ipsets (-m set) that exist only on the simulated node, and
      // iptables-restore --test looks each one up in the kernel: only the other modes are checked.
      if (mode !== "ipvs")
        it("writes iptables rules the real iptables-restore accepts", (ctx) => {
          const saved = json.sim.run("iptables-save").stdout;
          const r = realTool("iptables-restore", ["--test"], saved);
          if (r.error) ctx.skip(`iptables-restore is not installed here (${r.error.message})`);
          expect(r.stderr).toBe("");
          expect(r.status).toBe(0);
        });

      if (mode === "nftables")
        it("writes a ruleset the real nft accepts (nft -c -f)", (ctx) => {
          const r = realTool("nft", ["-c", "-f", "-"], json.sim.run("nft list ruleset").stdout);
          if (r.error) ctx.skip(`nft is not installed here (${r.error.message})`);
          expect(r.stderr).toBe("");
          expect(r.status).toBe(0);
        });
    });
  }
});
