import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** Set to `1` to write golden files from what the code prints instead of comparing (then review the diff). */
export const UPDATE_GOLDENS = "UPDATE_GOLDENS";

/**
 * Golden-file comparison, the one way every test does it: `actual` must equal
 * the file byte for byte, and a missing file fails (it is never written
 * silently). `UPDATE_GOLDENS=1 npx vitest run <test>` writes the files.
 *
 * @param file where the golden lives, e.g. `new URL("./testdata/x.golden", import.meta.url)`
 */
export function expectGolden(actual: string, file: URL): void {
  const path = fileURLToPath(file);
  if (process.env[UPDATE_GOLDENS] === "1") {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`golden file ${path} is missing: write it with ${UPDATE_GOLDENS}=1 and review it`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** A helper bound to one test's testdata folder: `golden("x.golden")(actual)`. */
export function goldenDir(dir: URL): (name: string, actual: string) => void {
  return (name, actual) => expectGolden(actual, new URL(name, dir));
}
