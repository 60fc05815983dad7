/**
 * Start-up weight: the page without Monaco (and without the chart) loads
 * under 300 KB of gzipped JavaScript; Monaco and the chart come when needed.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

const LIMIT = 300 * 1024;

test("the page without Monaco loads under 300 KB of gzipped JavaScript", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto("./");
  await expect(page.getByRole("region", { name: "Topology" })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  const files = [...new Set(scripts)].map((p) => p.replace(/^\/packetwalk\//, ""));
  // Monaco, its workers and the chart are loaded on demand; everything else is the start-up cost.
  const onDemand = (f: string) =>
    /monaco|editor\.api|yaml\.worker|editor\.worker|MonacoYamlEditor|LookupChart/i.test(f);
  const sized = files.map((f) => ({ f, gz: gzipSync(readFileSync(`dist/${f}`)).length }));
  const startup = sized.filter((s) => !onDemand(s.f));
  const total = startup.reduce((n, s) => n + s.gz, 0);
  console.log(
    `start-up JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${startup.length} files;`,
    startup.map((s) => `${s.f} ${(s.gz / 1024).toFixed(1)} KB`).join(", "),
  );
  expect(startup.some((s) => /simulation\.worker/.test(s.f))).toBe(true);
  expect(total).toBeLessThan(LIMIT);
  expect(files.some((f) => /LookupChart/.test(f))).toBe(false);
});
