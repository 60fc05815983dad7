/**
 * The diagram at many pods: a node too full for labels draws its pods as glyphs that still click,
 * hover and mark like labelled pods, and the accessible layer lists a node's pods a page at a time.
 */
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webDeployment } from "./fixtures/manifests";

/** Pods enough for every worker of the default cluster to hold more than a page of them. */
const PODS = 150;
/** TopologyA11y's A11Y_POD_PAGE. */
const PAGE = 50;

async function setPodReady(page: Page, name: string, ready: boolean) {
  await page.evaluate(
    ([n, r]) =>
      (
        window as unknown as {
          __packetwalkEngine: {
            call(
              f: (api: { setPodReady(ns: string, n: string, r: boolean): unknown }) => unknown,
            ): Promise<unknown>;
          };
        }
      ).__packetwalkEngine.call((api) => api.setPodReady("default", n as string, r as boolean)),
    [name, ready] as const,
  );
}

test("a node's pods are listed a page at a time; a glyph clicked past the page is listed and focused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(webDeployment(PODS));
  const glyphs = page.locator("rect.topo-glyph");
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().view?.pods.length ?? 0), {
      timeout: 60_000,
    })
    .toBe(PODS + 2);
  await expect(glyphs).not.toHaveCount(0);

  // Every pod is drawn; none of the nodes lists more than a page of them.
  const perNode = await page.evaluate(() => {
    const counts: Record<string, number> = {};
    const { pods } = window.__packetwalkStore!.getState().view as unknown as { pods: { node?: string }[] };
    for (const p of pods) if (p.node) counts[p.node] = (counts[p.node] ?? 0) + 1;
    return counts;
  });
  const full = Object.entries(perNode).filter(([, n]) => n > PAGE);
  expect(full.length, "two nodes hold more than a page").toBeGreaterThan(1);
  const listed = Object.values(perNode).reduce((sum, n) => sum + Math.min(n, PAGE), 0);
  await expect(app.items("Pod ")).toHaveCount(listed);
  await expect(page.locator(".topo-pod")).toHaveCount(PODS + 2);

  // A glyph of a pod not listed yet: its hover title names it; a click lists it and focuses its button.
  await page
    .getByRole("toolbar", { name: "Diagram view" })
    .getByRole("button", { name: "Fit to view" })
    .click();
  const last = glyphs.last();
  await last.hover();
  await expect(last.locator("title")).toHaveText(/^default\/web-\S+ 10\.244\.\d+\.\d+ Running$/);
  const key = (await last.locator("title").textContent())!.split(" ")[0]!;
  const button = page.locator(`[data-topo-id="pod:${key}"]`);
  await expect(button, "the pod is past its node's first page").toHaveCount(0);
  await last.click();
  await expect(button).toBeFocused();
  await expect(button).toHaveAccessibleName(new RegExp(`^Pod ${key.split("/")[1]}, 10\\.244\\.`));
  await expect(last).toHaveClass(/\bfocused\b/);

  // Keyboard: Shift+Tab reaches the pod listed before it; the ring follows focus.
  await page.keyboard.press("Shift+Tab");
  await expect(button).not.toBeFocused();
  await expect(last).not.toHaveClass(/\bfocused\b/);
  await expect(page.locator("rect.topo-glyph.focused")).toHaveCount(1);

  // "Show more" on a node still paged: its next page is listed.
  const more = page.getByRole("button", { name: /^Show \d+ more pods? on / }).first();
  const node = (await more.textContent())!.replace(/^.* on (\S+) \(.*$/, "$1");
  const count = perNode[node]!;
  await app.listed();
  const shown = await app.items("Pod ").count();
  await expect(more).toHaveText(
    `Show ${Math.min(count - PAGE, PAGE)} more ${count - PAGE === 1 ? "pod" : "pods"} on ${node} (${count - PAGE} not listed)`,
  );
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(app.items("Pod ")).toHaveCount(shown + Math.min(count - PAGE, PAGE));
  // Focus moves on to the first pod the page listed, and rings its glyph.
  await expect(page.locator("[data-topo-id^='pod:']:focus")).toHaveCount(1);
  await expect(page.locator("rect.topo-glyph.focused")).toHaveCount(1);
});

test("a glyph shows not-ready and its title says so, in Korean too", async ({ page }) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(webDeployment(PODS));
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().view?.pods.length ?? 0), {
      timeout: 60_000,
    })
    .toBe(PODS + 2);
  const glyphs = page.locator("rect.topo-glyph");
  await expect(glyphs).not.toHaveCount(0);
  await page
    .getByRole("toolbar", { name: "Diagram view" })
    .getByRole("button", { name: "Fit to view" })
    .click();
  const first = glyphs.first();
  await first.hover();
  const key = (await first.locator("title").textContent())!.split(" ")[0]!;
  await setPodReady(page, key.split("/")[1]!, false);
  await app.run("kubectl get endpointslices");
  await expect(first).toHaveClass(/\bnot-ready\b/);
  await expect(page.locator("rect.topo-glyph.not-ready")).toHaveCount(1);
  await expect(first.locator("title")).toHaveText(/ Running \(not ready\)$/);
  await app.setLanguage("ko");
  await expect(first.locator("title")).toHaveText(/ Running \(준비 안 됨\)$/);
});
