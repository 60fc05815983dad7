/**
 * A 390×844 phone: one view at a time behind tabs (Diagram, Trace, Terminal, YAML, Lesson), a
 * compact header, every control at least 44 px, nothing wider than the screen, and Monaco only
 * once the YAML tab is opened.
 */
import { devices, expect, type Locator, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { diagramFigures, horizontalOverflow, touchTargets } from "./fixtures/figures";

test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: devices["Pixel 7"].userAgent,
});

const TABS = ["Diagram", "Trace", "Terminal", "YAML", "Lesson"] as const;

/** Every control on screen smaller than 44×44 px. */
async function smallTargets(page: Page): Promise<string[]> {
  return (await touchTargets(page)).filter((c) => c.width < 44 || c.height < 44).map((c) => c.name);
}

async function openTab(page: Page, name: (typeof TABS)[number]): Promise<void> {
  const tab = page.getByRole("tablist", { name: "Views" }).getByRole("tab", { name, exact: true });
  await tab.tap();
  await expect(tab).toHaveAttribute("aria-selected", "true");
}

test("five tabs, one view each; nothing wider than the screen; every control 44 px or more", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  // A packet on its way: the trace has hops to touch, the diagram a playback bar.
  const form = page.getByRole("region", { name: "Send a packet" });
  await form.getByRole("textbox", { name: "Destination" }).fill("10.96.0.1:443");
  await form.getByRole("button", { name: "Send packet" }).tap();
  await expect(page.locator(".topo-callout")).toBeVisible();
  const header = await page.locator(".app-header").boundingBox();
  expect(header!.height).toBeLessThanOrEqual(56);
  const tabs = page.getByRole("tablist", { name: "Views" }).getByRole("tab");
  await expect(tabs.locator(".tab-label")).toHaveText([...TABS]);

  const views: Record<(typeof TABS)[number], Locator> = {
    Diagram: page.getByRole("region", { name: "Topology" }),
    Trace: page.getByRole("region", { name: "Trace" }),
    Terminal: page.getByRole("textbox", { name: "Terminal" }),
    YAML: page.getByRole("region", { name: "Manifests" }),
    Lesson: page.getByRole("region", { name: "Lesson" }),
  };
  for (const name of TABS) {
    await openTab(page, name);
    await expect(views[name]).toBeVisible();
    for (const other of TABS.filter((n) => n !== name)) {
      const panel = page.locator(`#view-panel-${other === "YAML" ? "yaml" : other.toLowerCase()}`);
      await expect(panel, `${other} is hidden while ${name} shows`).toBeHidden();
    }
    expect(await horizontalOverflow(page), `${name}: nothing wider than the screen`).toBeLessThanOrEqual(0);
    expect(await smallTargets(page), `${name}: controls under 44 px`).toEqual([]);
  }
  // The menu's controls too.
  await app.openMenu();
  expect(await smallTargets(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("the diagram tab: a packet sent, followed on the diagram with labels of 13 px or more", async ({
  page,
}) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const form = page.getByRole("region", { name: "Send a packet" });
  await form.getByRole("textbox", { name: "Destination" }).fill("10.96.0.1:443");
  await form.getByRole("button", { name: "Send packet" }).tap();
  const callout = page.locator(".topo-callout");
  await expect(callout).toBeVisible();
  const f = await diagramFigures(page);
  expect(f.smallestLabel).toBeGreaterThanOrEqual(13);
  expect(f.smallestCallout).toBeGreaterThanOrEqual(13);
  for (const name of Object.keys(f.others)) expect(f.others[name]!, name).toBeLessThan(f.diagramArea);
  // Step to the end: the packet stays in view, the callout inside the diagram and off its hop.
  const forward = page.getByRole("button", { name: "Step forward" });
  const position = await page.locator(".playback-position [aria-hidden]").textContent();
  const hops = Number(position!.split("/")[1]);
  expect(hops).toBeGreaterThan(3);
  for (let i = 1; i < hops; i++) {
    await forward.tap();
    // The hop's mark on the path (the moving dot reaches it when it lands).
    const { dot, box, panel } = await page.evaluate((n) => {
      const c = document.querySelectorAll(".topo-layer-path circle.topo-hop")[n]!.getBoundingClientRect();
      return {
        dot: { x: c.x + c.width / 2, y: c.y + c.height / 2 },
        box: document.querySelector(".topo-callout")!.getBoundingClientRect().toJSON(),
        panel: document.querySelector("#topology")!.getBoundingClientRect().toJSON(),
      };
    }, i);
    expect(dot.x).toBeGreaterThanOrEqual(panel.left);
    expect(dot.x).toBeLessThanOrEqual(panel.right);
    expect(dot.y).toBeGreaterThanOrEqual(panel.top);
    expect(dot.y).toBeLessThanOrEqual(panel.bottom);
    expect(box.left).toBeGreaterThanOrEqual(panel.left);
    expect(box.right).toBeLessThanOrEqual(panel.right);
    const overDot = dot.x >= box.left && dot.x <= box.right && dot.y >= box.top && dot.y <= box.bottom;
    expect(overDot, `hop ${i + 1}: the callout leaves its hop visible`).toBe(false);
  }
});

test("Monaco loads only once the YAML tab is opened", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => {
    if (/MonacoYamlEditor-[^/]*\.js$/.test(r.url())) requested.push(r.url());
  });
  const app = new PacketwalkApp(page);
  await app.goto();
  await openTab(page, "Terminal");
  await openTab(page, "Diagram");
  // The page has settled (the first cluster is drawn, the browser idle): still no Monaco.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 })));
  expect(requested).toEqual([]);
  await openTab(page, "YAML");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("kind: Service", {
    timeout: 30_000,
  });
  expect(requested).toHaveLength(1);
});

test("two fingers pinch the diagram about their midpoint; one finger pans it", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const world = () =>
    page.evaluate(() => {
      const m = document.querySelector<SVGGElement>(".topo-world")!.getCTM()!;
      return { k: m.a, x: m.e, y: m.f };
    });
  const panel = (await page.getByRole("region", { name: "Topology" }).boundingBox())!;
  const cx = panel.x + panel.width / 2;
  const cy = panel.y + panel.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number }[]) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
  const before = await world();
  // Fingers 40 px either side of the centre move apart to 80 px: twice the zoom.
  await touch("touchStart", [
    { x: cx - 40, y: cy },
    { x: cx + 40, y: cy },
  ]);
  for (const d of [50, 60, 70, 80])
    await touch("touchMove", [
      { x: cx - d, y: cy },
      { x: cx + d, y: cy },
    ]);
  await touch("touchEnd", []);
  const pinched = await world();
  expect(pinched.k / before.k).toBeCloseTo(2, 1);
  // The world point at the midpoint stayed under it.
  const wx = (cx - panel.x - before.x) / before.k;
  expect(panel.x + pinched.x + wx * pinched.k).toBeCloseTo(cx, 0);

  await touch("touchStart", [{ x: cx, y: cy }]);
  for (const d of [10, 20, 30, 40]) await touch("touchMove", [{ x: cx, y: cy - d }]);
  await touch("touchEnd", []);
  const panned = await world();
  expect(panned.k).toBeCloseTo(pinched.k, 5);
  expect(panned.y - pinched.y).toBeCloseTo(-40, 0);
});
