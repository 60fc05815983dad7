/**
 * testdata/import's dumps are what the real kubectl prints: each cluster's objects, served by the
 * small API server, printed again by `kubectl get nodes,pods,services,endpointslices,configmaps
 * -A -o yaml` and `-o json`, are the committed files byte for byte. Skips where no kubectl is
 * installed. `npm run dumps` rewrites them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_KUBECTL } from "../realKubectl.testkit";
import { DUMPS, printDump, TESTDATA } from "./generate";

describe.skipIf(!REAL_KUBECTL)("testdata/import's dumps are kubectl's own output", () => {
  for (const dump of DUMPS) {
    it(`${dump.name}.yaml and ${dump.name}.json`, async () => {
      const { yaml, json } = await printDump(dump, REAL_KUBECTL as string);
      expect(readFileSync(join(TESTDATA, `${dump.name}.yaml`), "utf8")).toBe(yaml);
      expect(readFileSync(join(TESTDATA, `${dump.name}.json`), "utf8")).toBe(json);
      // kubectl drops managedFields unless asked for them.
      expect(yaml.includes("managedFields:")).toBe((dump.flags ?? []).includes("--show-managed-fields"));
    }, 60_000);
  }
});
