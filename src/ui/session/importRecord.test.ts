/** An imported cluster as a workspace: stored like applied files, read back checked, replayed whole. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LINK_LIMITS } from "./limits";
import { parseRecord } from "./parse";
import { emptyRecord, type SessionRecord } from "./record";
import { replayRecord } from "./replay";
import { simulationEngine } from "./simulationEngine.testkit";
import { fromStored, toStored } from "./stored";

/** No text in these records is long enough to go to IndexedDB. */
const unnamed = (): string => {
  throw new Error("no text here is over MAX_STORED_TEXT");
};

const DUMP = readFileSync("testdata/import/kind.yaml", "utf8");
const noLessons = async () => {
  throw new Error("no lessons in this test");
};

const record: SessionRecord = {
  ...emptyRecord(),
  journal: [
    {
      op: "apply",
      files: [
        { name: "manifests.yaml", text: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: before\n" },
      ],
    },
    { op: "import", files: [{ name: "manifests.yaml", text: DUMP }] },
    {
      op: "send",
      request: {
        from: { type: "pod", namespace: "kube-system", name: "coredns-668d6bf9bc-4hlzq" },
        target: "web.default",
      },
    },
  ],
  trace: { entry: 2, hop: 0 },
};

describe("an import in the session record", () => {
  it("is stored with its dump in a blob and read back as it was", () => {
    const blobs = new Map<string, string>();
    const stored = JSON.parse(JSON.stringify(toStored(record, blobs, unnamed)));
    expect(JSON.stringify(stored)).not.toContain("kind-worker2");
    expect([...blobs.values()]).toContain(DUMP);
    expect(fromStored(stored, (k) => blobs.get(k) ?? null)).toEqual({ ok: true, value: record });
  });

  it("is checked as one file", () => {
    const two = {
      ...record,
      journal: [
        {
          op: "import",
          files: [
            record.journal[1]!.op === "import" ? record.journal[1]!.files[0] : null,
            { name: "b.yaml", text: "" },
          ],
        },
      ],
    };
    expect(parseRecord(two, LINK_LIMITS)).toEqual({
      ok: false,
      error: "journal[0].files: expected one file",
    });
  });

  it("replays into the imported cluster: its report, its pods' addresses and the same packet", async () => {
    const first = simulationEngine();
    const a = await replayRecord(first.engine, record, noLessons);
    const second = simulationEngine();
    const b = await replayRecord(second.engine, record, noLessons);
    expect(a.imported?.imported).toBe(true);
    expect(a.imported?.counts).toContainEqual({ kind: "Pod", count: 8 });
    expect(a.appliedText).toBe(DUMP);
    expect([a.trace?.verdict, a.trace?.message]).toEqual(["delivered", undefined]);
    expect(["10.244.1.2", "10.244.2.2", "10.244.2.3"]).toContain(a.trace?.backend?.ip);
    expect(b.trace).toEqual(a.trace);
    // The import replaced the cluster: what was applied before it is gone.
    expect(
      first
        .sim()
        .objects()
        .some((o) => o.kind === "Namespace" && o.metadata.name === "before"),
    ).toBe(false);
  });
});
