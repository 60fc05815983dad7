/**
 * Monaco is not on a first visit's critical path: the manifests show in a plain text area at
 * once, Monaco follows when the page is idle (or at once on focus), and takes over the text and the
 * caret. Its chunk is held back here so the handover happens at a moment the test chooses.
 */
import { expect, test } from "@playwright/test";
import { bigDump } from "../src/bench/dump";
import { PacketwalkApp } from "./fixtures/app";
import { dropFile } from "./fixtures/drop";

test("the plain editor works before Monaco arrives, and Monaco takes over text and caret", async ({
  page,
}) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const requested: string[] = [];
  await page.route(/MonacoYamlEditor-[^/]*\.js$/, async (route) => {
    requested.push(route.request().url());
    await held;
    await route.continue();
  });
  const app = new PacketwalkApp(page);
  await app.goto();
  const plain = page.getByRole("textbox", { name: "Manifest YAML" });
  await expect(plain).toHaveValue(/kind: Service/);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  await plain.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# typed before Monaco\n");
  await expect(plain).toHaveValue(/# typed before Monaco\n$/);
  expect(requested.length, "focusing the editor asks for Monaco").toBeGreaterThan(0);

  release();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("# typed before Monaco", {
    timeout: 30_000,
  });
  // Focus moved into Monaco at the caret: typing carries on where it stopped.
  await page.keyboard.type("# and after");
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n")))
    .toMatch(/# typed before Monaco\n# and after$/);
});

test("Monaco is asked for only after the first view of the cluster is drawn", async ({ page }) => {
  // In the page's own clock: when the first node appears, and when Monaco's chunk is requested.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-topo-id^="node:"]')) return;
      (window as { __firstView?: number }).__firstView = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await new PacketwalkApp(page).goto();
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  const { firstView, monaco } = await page.evaluate(() => ({
    firstView: (window as { __firstView?: number }).__firstView ?? Number.NaN,
    monaco: performance
      .getEntriesByType("resource")
      .filter((e) => /MonacoYamlEditor-[^/]*\.js$/.test(e.name))
      .map((e) => e.startTime),
  }));
  expect(monaco).toHaveLength(1);
  expect(monaco[0]!).toBeGreaterThan(firstView);
});

test("a dump dropped before Monaco arrives opens in Monaco as plain text: no YAML worker reads it", async ({
  page,
}) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/MonacoYamlEditor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = await app.openEditor();
  // Over the 2 MiB past which the editor treats a text as a dump (PLAIN_TEXT_CHARS).
  const text = bigDump({ pods: 1000, services: 400 }, "yaml");
  expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
  await dropFile(
    page,
    editor.getByRole("textbox", { name: "Manifest YAML" }),
    "dump.yaml",
    "application/yaml",
    text,
  );
  await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible();
  // The text area before Monaco shows the dump's first lines, read-only, and says so: laying out
  // all of it would hold the page for seconds.
  const area = editor.getByRole("textbox", { name: "Manifest YAML" });
  await expect(area).not.toBeEditable();
  await expect(area).toHaveAccessibleDescription(/^The first 32 KB of this 3\.\d MB text, read-only/);
  const shown = await area.inputValue();
  expect(text.startsWith(shown)).toBe(true);
  expect(shown.length).toBeLessThanOrEqual(32 * 1024);

  release();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("apiVersion: v1", {
    timeout: 30_000,
  });
  // Monaco's own worker and the engine's, never the YAML worker: it would parse the whole dump
  // and post its folding ranges and diagnostics back to the page's thread.
  await page.waitForTimeout(2000);
  expect(workers.filter((u) => /yaml\.worker/.test(u))).toEqual([]);
  // The text is the dump, whole, and still imports.
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.length)).toBe(text.length);
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  await expect(page.getByRole("region", { name: "Import report" })).toBeVisible({ timeout: 60_000 });
});
