/**
 * testdata/import's dumps, printed by the real kubectl: each cluster's objects are served by the
 * small API server and `kubectl get nodes,pods,services,endpointslices,configmaps -A -o yaml` (and
 * `-o json`) writes the file. The kubeadm and EKS clusters are authored here (kubeadm.ts, eks.ts);
 * the kind clusters' objects are read from their own testdata file, which kubectl prints back
 * unchanged. `npm run dumps` rewrites the files; dumps.test.ts checks them against kubectl.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { RealKubectl } from "../realKubectl.testkit";
import { eksCluster } from "./eks";
import { kubeadmCluster } from "./kubeadm";
import { served } from "./objects";

type Obj = Record<string, unknown>;

export const TESTDATA = fileURLToPath(new URL("../../../testdata/import", import.meta.url));

/** The command the README gives, less its output format. */
export const DUMP_COMMAND = ["get", "nodes,pods,services,endpointslices,configmaps", "-A", "-o"];

export interface Dump {
  /** The file name without its extension (`kubeadm`: kubeadm.yaml and kubeadm.json). */
  name: string;
  /** The version `/version` reports. */
  gitVersion: string;
  objects: () => Obj[];
  /** Flags after the README's command (`--show-managed-fields`: kubectl omits managedFields without it). */
  flags?: string[];
}

/** The items of a testdata dump, as the cluster would serve them again. */
function itemsOf(file: string): Obj[] {
  const text = readFileSync(join(TESTDATA, file), "utf8");
  const list = (file.endsWith(".json") ? JSON.parse(text) : parseAllDocuments(text)[0]?.toJS()) as {
    items: Obj[];
  };
  return list.items;
}

export const DUMPS: readonly Dump[] = [
  { name: "kind", gitVersion: "v1.32.2", objects: () => itemsOf("kind.yaml") },
  {
    name: "kind-ipvs",
    gitVersion: "v1.32.2",
    objects: () => itemsOf("kind-ipvs.json"),
    flags: ["--show-managed-fields"],
  },
  { name: "kind-nftables", gitVersion: "v1.32.2", objects: () => itemsOf("kind-nftables.yaml") },
  { name: "kubeadm", gitVersion: "v1.32.3", objects: kubeadmCluster },
  { name: "eks", gitVersion: "v1.31.4-eks-2d5f260", objects: eksCluster, flags: ["--show-managed-fields"] },
];

/** What the real kubectl prints for `dump`, in YAML and JSON. */
export async function printDump(dump: Dump, binary: string): Promise<{ yaml: string; json: string }> {
  const kubectl = await RealKubectl.serve(served(dump.objects()), dump.gitVersion, binary);
  try {
    const out: Record<string, string> = {};
    for (const format of ["yaml", "json"]) {
      const run = await kubectl.run([...DUMP_COMMAND, format, ...(dump.flags ?? [])]);
      if (run.code !== 0 || run.stderr !== "")
        throw new Error(`kubectl ${format} for ${dump.name}: ${run.stderr}`);
      out[format] = run.stdout;
    }
    return { yaml: out.yaml as string, json: out.json as string };
  } finally {
    await kubectl.stop();
  }
}

async function main(): Promise<void> {
  const binary = process.env.PACKETWALK_KUBECTL || "/usr/bin/kubectl";
  const only = process.argv.slice(2);
  for (const dump of DUMPS.filter((d) => only.length === 0 || only.includes(d.name))) {
    const { yaml, json } = await printDump(dump, binary);
    writeFileSync(join(TESTDATA, `${dump.name}.yaml`), yaml);
    writeFileSync(join(TESTDATA, `${dump.name}.json`), json);
    process.stdout.write(`${dump.name}.yaml ${yaml.length} bytes, ${dump.name}.json ${json.length} bytes\n`);
  }
}

if (process.argv[1]?.endsWith("generate.ts")) await main();
