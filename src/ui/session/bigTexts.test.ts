import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { bigTextKeys, deleteBigTexts, PIECE_CHARS, readBigTexts, writeBigTexts } from "./bigTexts";

/** Every key in the store, pieces included, read past the module's own view of it. */
async function rawKeys(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("packetwalk", 1);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const r = db.transaction("texts", "readonly").objectStore("texts").getAllKeys();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return keys.map(String).sort();
}

describe("big texts in IndexedDB", () => {
  it("stores a text over a piece in pieces, reads it back whole, and deletes its pieces with it", async () => {
    const big = "kind: List\nitems:\n".padEnd(PIECE_CHARS * 2.5, "- x: é\n");
    const small = "apiVersion: v1\n";
    await writeBigTexts(
      new Map([
        ["packetwalk-big:a", big],
        ["packetwalk-big:b", small],
      ]),
    );
    expect(await rawKeys()).toEqual([
      "packetwalk-big:a",
      "packetwalk-big:a#0",
      "packetwalk-big:a#1",
      "packetwalk-big:a#2",
      "packetwalk-big:b",
    ]);
    expect((await bigTextKeys()).sort()).toEqual(["packetwalk-big:a", "packetwalk-big:b"]);
    const read = await readBigTexts(["packetwalk-big:a", "packetwalk-big:b", "packetwalk-big:gone"]);
    expect(read.get("packetwalk-big:a") === big).toBe(true);
    expect(read.get("packetwalk-big:b")).toBe(small);
    expect(read.has("packetwalk-big:gone")).toBe(false);

    await deleteBigTexts(["packetwalk-big:a"]);
    expect(await rawKeys()).toEqual(["packetwalk-big:b"]);
  });
});
