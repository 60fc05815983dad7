/**
 * A dump as big as a real cluster's, imported in the page: the bar shows how far the worker is
 * (determinate, only ever moving forward), and a workspace holding a text too big for the
 * browser's storage says it is not being saved; a reload brings back the last saved work.
 */
import { expect, test } from "@playwright/test";
import { bigDump } from "../src/bench/dump";
import { PacketwalkApp } from "./fixtures/app";
import { savedLines, waitSaved } from "./fixtures/session";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

// 1,600 pods, 500 Services and their slices as kubectl prints -o yaml: 4.8 MB, over the 4 MiB a save writes.
const DUMP = bigDump({ pods: 1600, services: 500 }, "yaml");

declare global {
  interface Window {
    /** Every state of the import's bar seen: its value, or null while indeterminate. */
    __bar?: (number | null)[];
  }
}

test("a big dump imports with a determinate progress bar and is not saved, and a reload brings back the last save", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.run("kubectl get svc");
  await waitSaved(page, "kubectl get svc");

  await app.paste(DUMP);
  const editor = page.getByRole("region", { name: "Manifests" });
  await expect(
    page.getByRole("alert").filter({ hasText: "Your work is not being saved: it holds a 4.8 MB text" }),
  ).toBeVisible({ timeout: 30_000 });

  // Every change to the page is read for the bar's state, so none is missed between two polls.
  await page.evaluate(() => {
    window.__bar = [];
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>(".import-progress progress");
      if (!bar) return;
      const value = bar.hasAttribute("value") ? bar.value : null;
      if (window.__bar!.at(-1) !== value) window.__bar!.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  await expect(editor.getByRole("heading", { name: "Import report" })).toBeVisible({ timeout: 120_000 });
  await expect(editor.getByText(/^Imported 2,?618 objects$/)).toBeVisible();

  const bar = await page.evaluate(() => window.__bar!);
  const values = bar.filter((v): v is number => v !== null);
  for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
  for (const v of values) expect(v).toBeLessThanOrEqual(1);
  for (let i = 1; i < values.length; i++) expect(values[i]!, `${bar}`).toBeGreaterThanOrEqual(values[i - 1]!);
  expect(
    values.some((v) => v > 0),
    `${bar}`,
  ).toBe(true);
  // Indeterminate only before the worker's first report.
  expect(bar.slice(bar.indexOf(values[0]!)).every((v) => v !== null)).toBe(true);

  await expect(
    page.getByRole("alert").filter({ hasText: "Your work is not being saved: it holds a 4.8 MB text" }),
  ).toBeVisible();
  expect(await savedLines(page)).toEqual(["kubectl get svc"]);

  await page.reload();
  await expect(app.items("Node ").first()).toBeAttached({ timeout: 30_000 });
  await expect(app.items("Service app-0")).toHaveCount(0);
  await expect(page.getByRole("alert").filter({ hasText: "not being saved" })).toHaveCount(0);
});
