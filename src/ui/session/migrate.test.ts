import { describe, expect, it } from "vitest";
import { readLegacySave } from "./legacySave";

/** A Storage over a plain map, with the version-1 keys a browser held. */
function storage(items: Record<string, string>): Pick<Storage, "getItem" | "length" | "key"> {
  const keys = Object.keys(items);
  return { getItem: (k) => items[k] ?? null, length: keys.length, key: (i) => keys[i] ?? null };
}

const SVC = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 80 }]\n";
const DRAFT = `${SVC}# not applied yet\n`;

describe("version-1 saves", () => {
  it("become the user's own workspace: every apply, then the mode; the draft stays a draft", () => {
    const save = readLegacySave(
      storage({
        packetwalk: JSON.stringify({
          version: 1,
          state: {
            textRef: "packetwalk:blob0",
            appliedTextRef: "packetwalk:blob1",
            appliedFiles: [{ name: "manifests.yaml", textRef: "packetwalk:blob1" }],
            history: ["kubectl get svc", 7],
            language: "ko",
            theme: "dark",
            lessonId: null,
            lessonStep: 0,
          },
        }),
        "packetwalk:blob0": DRAFT,
        "packetwalk:blob1": SVC,
        "packetwalk-engine": JSON.stringify({ seed: 3, mode: "ipvs", scheduler: "sh" }),
      }),
    );
    expect(save).toEqual({
      own: {
        v: 2,
        seed: 3,
        journal: [
          { op: "apply", files: [{ name: "manifests.yaml", text: SVC }] },
          { op: "mode", mode: "ipvs", scheduler: "sh" },
        ],
        draft: DRAFT,
      },
      history: ["kubectl get svc"],
      language: "ko",
      theme: "dark",
      keys: [
        "packetwalk",
        "packetwalk-engine",
        "packetwalk-before-share",
        "packetwalk:blob0",
        "packetwalk:blob1",
      ],
    });
  });

  it("read the oldest saves, with their texts inline and only the last apply", () => {
    const save = readLegacySave(
      storage({ packetwalk: JSON.stringify({ version: 1, state: { text: SVC, appliedText: SVC } }) }),
    );
    expect(save?.own).toEqual({
      v: 2,
      seed: 1,
      journal: [
        { op: "apply", files: [{ name: "manifests.yaml", text: SVC }] },
        { op: "mode", mode: "iptables", scheduler: "rr" },
      ],
    });
  });

  it("a lesson in progress becomes a lesson workspace; the work a link put aside becomes the user's own", () => {
    const stash = {
      v: 1,
      seed: 2,
      manifests: [{ name: "mine.yaml", text: SVC }],
      mode: "nftables",
      scheduler: "rr",
      language: "en",
    };
    const save = readLegacySave(
      storage({
        packetwalk: JSON.stringify({
          version: 1,
          state: { text: "", appliedText: "", lessonId: "readiness", lessonStep: 2 },
        }),
        "packetwalk-before-share": JSON.stringify(stash),
      }),
    );
    expect(save?.guest).toEqual({
      kind: "lesson",
      record: { v: 2, seed: 1, lesson: { id: "readiness", step: 2 }, journal: [] },
    });
    expect(save?.own.journal).toEqual([
      { op: "apply", files: [{ name: "mine.yaml", text: SVC }] },
      { op: "mode", mode: "nftables", scheduler: "rr" },
    ]);
  });

  it("a shared link that was open stays on screen as a shared workspace, the stash as the user's own", () => {
    const stash = { v: 1, seed: 2, manifests: [], mode: "iptables", scheduler: "rr", language: "en" };
    const save = readLegacySave(
      storage({
        packetwalk: JSON.stringify({ version: 1, state: { text: SVC, appliedText: SVC } }),
        "packetwalk-before-share": JSON.stringify(stash),
      }),
    );
    expect(save?.guest?.kind).toBe("share");
    expect(save?.guest?.record.journal[0]).toEqual({
      op: "apply",
      files: [{ name: "manifests.yaml", text: SVC }],
    });
    expect(save?.own).toEqual({
      v: 2,
      seed: 2,
      journal: [{ op: "mode", mode: "iptables", scheduler: "rr" }],
    });
  });

  it("nothing saved, or garbage: no save, no throw", () => {
    expect(readLegacySave(storage({}))).toBeNull();
    expect(readLegacySave(storage({ packetwalk: "{not json" }))).toBeNull();
    const odd = readLegacySave(storage({ "packetwalk-engine": JSON.stringify({ seed: -4, mode: "<b>" }) }));
    expect(odd?.own).toEqual({ v: 2, seed: 1, journal: [{ op: "mode", mode: "iptables", scheduler: "rr" }] });
  });
});
