/**
 * Monaco is not on a first visit's critical path: the manifests show in a plain text area at
 * once, Monaco follows when the page is idle (or at once on focus), and takes over the text and the
 * caret. Its chunk is held back here so the handover happens at a moment the test chooses.
 */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

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
