import { describe, expect, it } from "vitest";
import { EXAMPLE_NAMES, exampleText, loadLessons } from "./loader";

describe("loadLessons", () => {
  it("loads every lesson file in src/lessons without an error, the seed lesson first", async () => {
    const results = await loadLessons();
    const errors = results.flatMap((r) => (r.ok ? [] : [`${r.file}: ${r.errors.join("; ")}`]));
    expect(errors).toEqual([]);
    const ids = results.map((r) => (r.ok ? r.lesson.id : ""));
    expect(ids[0]).toBe("seed-services");
    expect(ids).toEqual(
      expect.arrayContaining([
        "session-affinity",
        "external-traffic-policy",
        "no-endpoints",
        "readiness",
        "nftables",
        "selector-typo",
        "port-targetport",
        "containerport",
        "clusterip-outside",
        "headless-vip",
        "externalname-proxy",
        "etp-local",
        "long-lived-connection",
        "readiness-peers",
        "ipvs-to-nftables",
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("walks the seed lesson in the seed's order", async () => {
    const [seed] = await loadLessons();
    if (!seed?.ok) throw new Error("seed lesson failed to load");
    expect(seed.lesson.steps.map((s) => s.id)).toEqual([
      "clusterip",
      "nodeport",
      "externalname",
      "headless",
      "ipvs-rr",
      "ipvs-lc",
      "ipvs-dh",
      "ipvs-sh",
      "ipvs-sed",
      "ipvs-nq",
      "lookup-cost",
    ]);
  });

  it("turns a broken file into an error entry and keeps the others", async () => {
    const results = await loadLessons({
      "./01-good.yaml": async () =>
        "id: good\ntitle: {en: G, ko: 지}\nsummary: {en: S, ko: 에스}\nsteps:\n  - {id: a, title: {en: A, ko: 에이}, narration: {en: N, ko: 엔}}\n",
      "./02-bad.yaml": async () => "id: bad\n",
      "./03-unreadable.yaml": async () => {
        throw new Error("network error");
      },
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(results[1]).toMatchObject({
      ok: false,
      file: "02-bad.yaml",
      errors: expect.arrayContaining(["title: must be a mapping with en and ko texts"]),
    });
    expect(results[2]).toMatchObject({
      ok: false,
      file: "03-unreadable.yaml",
      errors: ["(file): network error"],
    });
  });

  it("reads examples by name", async () => {
    expect(EXAMPLE_NAMES).toContain("01-clusterip");
    expect(await exampleText("01-clusterip")).toMatch(/name: clusterip-service/);
    await expect(exampleText("nope")).rejects.toThrow('no example named "nope"');
  });
});
