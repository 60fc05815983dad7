/**
 * Share links made inside a lesson reproduce the packet and the hop: the workbench's Share link
 * carries the packet a student sent on top of the step; presentation mode's QR code (the room's
 * link) carries the presenter's packet and hop, and on a step's own packet opens the step beside
 * the diagram with the packet at the presenter's hop.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { LessonPlayerPage } from "./fixtures/lessons";

const ADDRESS = String.raw`\d+\.\d+\.\d+\.\d+`;

/** The hop rows of the trace panel. */
function hops(trace: Locator): Locator {
  return trace.locator("ol.trace-hops > li");
}

/**
 * Takes the packet on screen away (setup, through the store), so that the verdict read after the
 * next send is that packet's and not the one before it, still on screen until the new one lands.
 */
async function clearPacket(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = window.__packetwalkStore!.getState() as unknown as { setTrace(t: null): void };
    s.setTrace(null);
  });
}

test("a share link made inside a lesson carries the packet sent in the step and the hop it stood on", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await lesson.chooseSeedLesson();
  const stepOne = lesson.player.getByText(/^Step 1 of \d+$/);
  await expect(stepOne).toBeVisible({ timeout: 30_000 });
  const step = (await stepOne.textContent())!;
  const app = new PacketwalkApp(page);
  // The student's own packet, on top of the step's (which goes from the testnet pod): from a node
  // to the Service's ClusterIP, read in the terminal.
  const ip = (await app.run("kubectl get svc clusterip-service")).split("\n")[1]!.split(/\s+/)[2]!;
  expect(ip).toMatch(new RegExp(`^${ADDRESS}$`));
  await app.chooseSource("Node ");
  await clearPacket(page);
  await app.sendPacket("", `${ip}:80`);
  const playback = page.getByRole("toolbar", { name: "Playback" });
  await playback.getByRole("button", { name: "Pause" }).click();
  const trace = await app.openTrace();
  const verdict = trace.getByText(/^Delivered to /);
  await expect(verdict).toBeVisible();
  // Into the trace: a hop chosen in the list, then one step forward.
  await hops(trace).nth(2).getByRole("button").first().click();
  await playback.getByRole("button", { name: "Step forward" }).click();
  await expect(hops(trace).nth(3)).toHaveAttribute("aria-current", "step");
  const current = trace.locator('li[aria-current="step"]');
  const hop = (await current.locator(".hop-index").textContent())!;
  const row = (await current.getByRole("button").first().textContent())!;
  const said = (await verdict.textContent())!;
  const total = await hops(trace).count();
  const first = (await hops(trace).first().getByRole("button").first().textContent())!;
  expect(first).not.toContain("testnet");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();

  const other = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await other.goto(link);
  const traceB = other.getByRole("region", { name: "Trace" });
  await expect(traceB).toBeVisible({ timeout: 30_000 });
  await expect(traceB.getByText(/^Delivered to /)).toHaveText(said);
  await expect(hops(traceB)).toHaveCount(total);
  const currentB = traceB.locator('li[aria-current="step"]');
  await expect(currentB.locator(".hop-index")).toHaveText(hop);
  await expect(currentB.getByRole("button").first()).toHaveText(row);
  await expect(hops(traceB).first().getByRole("button").first()).toHaveText(first);
  // In the lesson, at the step it was made in.
  const b = new LessonPlayerPage(other, "en");
  await b.openPlayer();
  await expect(b.player.getByText(step, { exact: true })).toBeVisible();
});

test("the room's QR link (presentation mode) carries the packet sent on the step and the hop on screen", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await lesson.chooseSeedLesson();
  await expect(lesson.player.getByText(/^Step 1 of \d+$/)).toBeVisible({ timeout: 30_000 });
  const app = new PacketwalkApp(page);
  const ip = (await app.run("kubectl get svc clusterip-service")).split("\n")[1]!.split(/\s+/)[2]!;
  await app.chooseSource("Node ");
  await clearPacket(page);
  await app.sendPacket("", `${ip}:80`);
  await page.getByRole("toolbar", { name: "Playback" }).getByRole("button", { name: "Pause" }).click();
  const trace = await app.openTrace();
  const verdict = (await trace.getByText(/^Delivered to /).textContent())!;
  const total = await hops(trace).count();
  const first = (await hops(trace).first().getByRole("button").first().textContent())!;
  await hops(trace).nth(4).getByRole("button").first().click();
  await expect(hops(trace).nth(4)).toHaveAttribute("aria-current", "step");

  await page.getByRole("button", { name: "Presentation mode", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Presentation mode" });
  await expect(dialog).toBeVisible();
  await expect(page.locator(".presentation .topo-callout:not([hidden]) .topo-callout-index")).toHaveText("5");
  await page.keyboard.press("q");
  await expect(page.getByRole("img", { name: "QR code of the share link" })).toBeVisible();
  // The link is made as the code opens.
  await expect(page.locator(".present-qr-link")).toHaveText(/#s=/);
  const link = (await page.locator(".present-qr-link").textContent())!;

  const other = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await other.goto(link);
  const traceB = other.getByRole("region", { name: "Trace" });
  await expect(traceB).toBeVisible({ timeout: 30_000 });
  await expect(traceB.getByText(/^Delivered to /)).toHaveText(verdict);
  await expect(hops(traceB)).toHaveCount(total);
  await expect(hops(traceB).first().getByRole("button").first()).toHaveText(first);
  await expect(hops(traceB).nth(4)).toHaveAttribute("aria-current", "step");
});

test("the room's QR link on a step's own packet opens the step beside the diagram, the packet at the presenter's hop", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await lesson.chooseSeedLesson();
  for (const n of [2, 3]) {
    await lesson.player.getByRole("button", { name: "Next step" }).click();
    await expect(lesson.player.getByText(new RegExp(`^Step ${n} of \\d+$`))).toBeVisible({ timeout: 30_000 });
  }
  const step = (await lesson.player.getByText(/^Step 3 of \d+$/).textContent())!;
  const title = (await lesson.stepTitle.textContent())!;
  const trace = await new PacketwalkApp(page).openTrace();
  await expect(trace.getByText(/^Delivered to /)).toBeVisible();
  const total = await hops(trace).count();
  await hops(trace).nth(4).getByRole("button").first().click();
  await expect(hops(trace).nth(4)).toHaveAttribute("aria-current", "step");
  const row = (await hops(trace).nth(4).getByRole("button").first().textContent())!;

  await page.getByRole("button", { name: "Presentation mode", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Presentation mode" })).toBeVisible();
  await page.keyboard.press("q");
  // The link is made as the code opens.
  await expect(page.locator(".present-qr-link")).toHaveText(/#s=/);
  const link = (await page.locator(".present-qr-link").textContent())!;

  const other = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await other.goto(link);
  const b = new LessonPlayerPage(other, "en");
  await expect(b.player.getByText(step, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(b.stepTitle).toHaveText(title);
  await expect(other.locator(".topo-callout:not([hidden]) .topo-callout-index")).toHaveText("5");
  const traceB = await new PacketwalkApp(other).openTrace();
  await expect(hops(traceB)).toHaveCount(total);
  await expect(hops(traceB).nth(4)).toHaveAttribute("aria-current", "step");
  await expect(hops(traceB).nth(4).getByRole("button").first()).toHaveText(row);
});
