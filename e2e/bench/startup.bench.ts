/**
 * A first visit: the JavaScript it loads before anyone touches the page (by file, gzipped), the
 * largest contentful paint, the main thread's long tasks while it starts, and when Monaco follows.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { longTasksBetween, report, watchMainThread } from "./longTasks";

const MONACO = /monaco|editor\.api|yaml\.worker|editor\.worker|MonacoYamlEditor/i;

test("first visit", async ({ page }) => {
  await watchMainThread(page);
  const scripts: { path: string; at: number }[] = [];
  const t0 = Date.now();
  page.on("request", (r) => {
    if (r.resourceType() === "script" || r.url().endsWith(".js"))
      scripts.push({ path: new URL(r.url()).pathname.replace(/^\/packetwalk\//, ""), at: Date.now() - t0 });
  });
  await page.goto("./");
  await expect(page.locator('[data-topo-id^="node:"]').first()).toBeAttached({ timeout: 60_000 });
  const topology = Date.now() - t0;
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 60_000 });
  const monaco = Date.now() - t0;
  await page.waitForLoadState("networkidle");

  const gz = (path: string) => gzipSync(readFileSync(`dist/${path}`)).length / 1024;
  const unique = [...new Map(scripts.map((s) => [s.path, s])).values()];
  const before = unique.filter((s) => !MONACO.test(s.path));
  const after = unique.filter((s) => MONACO.test(s.path));
  const sum = (list: typeof unique) => list.reduce((n, s) => n + gz(s.path), 0).toFixed(1);
  report(
    "start-up JavaScript (gzipped)",
    `${sum(before)} KB in ${before.length} files: ${before.map((s) => `${s.path} ${gz(s.path).toFixed(1)}`).join(", ")}`,
  );
  report(
    "Monaco, after the first view (gzipped)",
    `${sum(after)} KB in ${after.length} files, first requested at ${Math.min(...after.map((s) => s.at))} ms`,
  );
  const lcp = await page.evaluate(() => window.__lcp ?? -1);
  report("largest contentful paint", `${lcp.toFixed(0)} ms`);
  report("topology drawn / Monaco shown", `${topology} ms / ${monaco} ms after navigation`);
  report("long tasks until Monaco is shown", await longTasksBetween(page, 0, monaco));
});
