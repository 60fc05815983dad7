import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IPVS_SCHEDULERS, PROXY_MODES } from "../../engine/api/configTypes";
import { LINK_LIMITS, STORAGE_LIMITS } from "./limits";
import { parseRecord } from "./parse";
import type { JournalEntry, SessionRecord } from "./record";
import { blobKey, fromStored, toStored } from "./stored";

/** No text in these records is long enough to go to IndexedDB. */
const unnamed = (): string => {
  throw new Error("no text here is over MAX_STORED_TEXT");
};

const name = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
const source = fc.oneof(
  fc.record({ type: fc.constant("pod" as const), namespace: name, name }),
  fc.record({ type: fc.constant("node" as const), node: name }),
  fc.record({ type: fc.constant("external" as const) }, { requiredKeys: ["type"] }),
);
const request = fc.record(
  {
    from: source,
    target: fc.string({ maxLength: 40 }),
    port: fc.integer({ min: 1, max: 65535 }),
    proto: fc.constantFrom("TCP" as const, "UDP" as const, "SCTP" as const),
    sport: fc.integer({ min: 1, max: 65535 }),
    sportTries: fc.integer({ min: 1, max: 65535 }),
  },
  { requiredKeys: ["from", "target"] },
);
const file = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
  // Long texts too: they go to blobs of their own in storage.
  text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ minLength: 2048, maxLength: 3000 })),
});
const entry: fc.Arbitrary<JournalEntry> = fc.oneof(
  fc.record({ op: fc.constant("apply" as const), files: fc.array(file, { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant("run" as const), line: fc.string({ maxLength: 80 }) }),
  fc.record({ op: fc.constant("send" as const), request }),
  fc.record({ op: fc.constant("burst" as const), request, count: fc.integer({ min: 1, max: 1000 }) }),
  fc.record(
    {
      op: fc.constant("mode" as const),
      mode: fc.constantFrom(...PROXY_MODES),
      scheduler: fc.constantFrom(...IPVS_SCHEDULERS),
    },
    { requiredKeys: ["op", "mode"] },
  ),
  fc.record({ op: fc.constant("ready" as const), namespace: name, pod: name, ready: fc.boolean() }),
  fc.record({ op: fc.constant("clock" as const), ms: fc.integer({ min: 0, max: 10 ** 9 }) }),
);
const record: fc.Arbitrary<SessionRecord> = fc
  .record(
    {
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      startTime: fc.integer({ min: 0, max: 4 * 10 ** 12 }),
      lesson: fc.record({
        id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        step: fc.integer({ min: 0, max: 999 }),
      }),
      journal: fc.array(entry, { maxLength: 12 }),
      draft: fc.string({ maxLength: 3000 }),
      hop: fc.integer({ min: 0, max: 40 }),
    },
    { requiredKeys: ["seed", "journal", "hop"] },
  )
  .map(({ hop, ...r }) => {
    const out: SessionRecord = { v: 2, ...r };
    if (r.journal.length) out.trace = { entry: r.journal.length - 1, hop };
    return out;
  });

describe("the session record", () => {
  it("round-trips through JSON and the checks unchanged (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(parseRecord(JSON.parse(JSON.stringify(r)), LINK_LIMITS)).toEqual({ ok: true, value: r });
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it("round-trips through the browser's storage form: big texts in blobs, read back whole", () => {
    fc.assert(
      fc.property(record, (r) => {
        const blobs = new Map<string, string>();
        const stored = JSON.parse(JSON.stringify(toStored(r, blobs, unnamed)));
        for (const text of blobs.values()) expect(text.length).toBeGreaterThanOrEqual(2048);
        expect(fromStored(stored, (k) => blobs.get(k) ?? null)).toEqual({ ok: true, value: r });
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("names a blob by its content: one text, one key", () => {
    const a = "x".repeat(5000);
    expect(blobKey(a)).toBe(blobKey(`${"x".repeat(4999)}x`));
    expect(blobKey(a)).not.toBe(blobKey(`${"x".repeat(4999)}y`));
  });

  it("says which text is missing from storage instead of inventing one", () => {
    const r: SessionRecord = {
      v: 2,
      seed: 1,
      journal: [{ op: "apply", files: [{ name: "a.yaml", text: "y".repeat(3000) }] }],
    };
    const stored = toStored(r, new Map(), unnamed);
    expect(fromStored(stored, () => null)).toEqual({
      ok: false,
      error: "journal[0].files[0]: its text is missing from storage",
    });
  });

  it("refuses what a record cannot hold, naming the field", () => {
    const base = { v: 2, seed: 1, journal: [] };
    const check = (patch: Record<string, unknown>) => parseRecord({ ...base, ...patch }, LINK_LIMITS);
    expect(check({ v: 1 })).toEqual({ ok: false, error: "v: unsupported version 1" });
    expect(check({ seed: -1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^seed: /) });
    expect(check({ script: "x" })).toEqual({ ok: false, error: 'session: unknown field "script"' });
    expect(check({ journal: [{ op: "apply", files: [{ name: "../x", text: "" }] }] })).toEqual({
      ok: false,
      error: "journal[0].files[0].name: not a plain file name",
    });
    expect(
      check({
        journal: [{ op: "burst", request: { from: { type: "external" }, target: "web" }, count: 1e6 }],
      }),
    ).toEqual({
      ok: false,
      error: "journal[0].count: expected an integer from 1 to 1000",
    });
    expect(
      check({
        journal: [
          { op: "send", request: { from: { type: "pod", namespace: "default", name: "A b" }, target: "x" } },
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: "journal[0].request.from.name: not an object name",
    });
    expect(
      check({ journal: [{ op: "send", request: { from: { type: "external" }, target: "web", sport: 0 } }] }),
    ).toEqual({ ok: false, error: "journal[0].request.sport: expected an integer from 1 to 65535" });
    expect(check({ trace: { entry: 0, hop: 0 } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^trace\.entry/),
    });
    const many = Array.from({ length: LINK_LIMITS.entries + 1 }, () => ({ op: "run", line: "ls" }));
    expect(check({ journal: many })).toEqual({ ok: false, error: "journal: more than 2000 entries" });
    expect(parseRecord({ ...base, journal: many }, STORAGE_LIMITS).ok).toBe(true);
    const big = "x".repeat(LINK_LIMITS.textLength);
    const files = [
      { name: "a.yaml", text: big },
      { name: "b.yaml", text: big },
      { name: "c.yaml", text: big },
    ];
    expect(check({ journal: [{ op: "apply", files }] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/longer than 524288 characters$/),
    });
  });
});
