import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { diagramFigures, packetInside } from "./fixtures/figures";
import { LessonPlayerPage } from "./fixtures/lessons";
import { scrollback } from "./fixtures/session";

// Presentation mode from a clicker (PageDown / PageUp) or the keyboard: the packet walks hop by hop,
// then the next step comes; the lesson runs in a workspace of its own and leaving restores the user's.

test.use({ viewport: { width: 1920, height: 1080 }, permissions: ["clipboard-read", "clipboard-write"] });

const STEPS = 11;
const MINE = `apiVersion: v1
kind: Service
metadata:
  name: mine
spec:
  selector:
    app: mine
  ports:
    - port: 80
`;

/** The hop the diagram's callout names (1-based), or 0 when no packet is on screen. */
async function calloutHop(page: Page): Promise<number> {
  const index = page.locator(".presentation .topo-callout:not([hidden]) .topo-callout-index");
  return (await index.count()) ? Number(await index.textContent()) : 0;
}

/** The room's label floor: every label the diagram draws on screen, at 1920×1080. */
const ROOM_LABEL_PX = 24;

/** Waits until the diagram drew the store's latest view (its figures are this drawing's). */
async function drawn(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const store = (
          window as unknown as { __packetwalkStore: { getState(): { view: { revision: number } } } }
        ).__packetwalkStore;
        return (
          document.querySelector<HTMLElement>(".presentation .topo-host")?.dataset.revision ===
          String(store.getState().view.revision)
        );
      }),
    )
    .toBe(true);
}

/** The smallest label and callout text on screen are at the room's floor, and the packet (when one walks) ends inside the diagram. */
async function readableForTheRoom(page: Page, where: string): Promise<number> {
  const { smallestLabel: smallest, smallestCallout } = await diagramFigures(page);
  expect(smallest, `${where}: smallest label`).toBeGreaterThanOrEqual(ROOM_LABEL_PX);
  // The callout's text too (Infinity while none shows).
  expect(smallestCallout, `${where}: smallest callout text`).toBeGreaterThanOrEqual(ROOM_LABEL_PX);
  // Where the dot comes to rest (it glides from the last hop's place while the view has moved on).
  if (await page.locator(".presentation .topo-packet").isVisible())
    await expect.poll(() => packetInside(page), `${where}: the packet is inside the diagram`).toBe(true);
  return smallest;
}

/** "Packet: hop n of total" → total. */
async function hopTotal(page: Page): Promise<number> {
  const text = (await page.locator(".present-hop").textContent()) ?? "";
  return Number(/of (\d+)/.exec(text)?.[1] ?? 0);
}

test("a clicker plays the seed lesson to the end, the packet moving at every step; leaving restores the user's work", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.pasteAndApply(MINE);
  await expect(app.items("Service mine")).toHaveCount(1);
  await app.run("kubectl get svc mine");
  const terminalBefore = await scrollback(page);

  const open = page.getByRole("button", { name: "Presentation mode", exact: true });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Presentation mode" });
  await expect(dialog).toBeFocused();
  const output = dialog.getByRole("region", { name: "Commands and output" });

  const smallest: number[] = [];
  for (let n = 1; n <= STEPS; n++) {
    await expect(dialog.getByText(`Step ${n} of ${STEPS}`, { exact: true })).toBeVisible({ timeout: 60_000 });
    // What the step points at, in the room's type, before the packet.
    await drawn(page);
    let least = await readableForTheRoom(page, `step ${n}`);
    if (n === 1) {
      // The seed's cluster: what the seed printed, in large type.
      await expect(output).toContainText(
        /clusterip-service\s+ClusterIP\s+10\.233\.23\.13\s+<none>\s+80\/TCP\s+5s/,
      );
      const size = await dialog
        .locator(".present-narration p")
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(size).toBeGreaterThanOrEqual(24);
    }
    // A question is answered first (the room predicts, the presenter reveals).
    const question = dialog.getByRole("form", { name: "Predict" });
    if (await question.count()) {
      expect(await calloutHop(page)).toBe(0);
      await page.keyboard.press("PageDown");
      await expect(question.getByRole("status")).toContainText("The engine's answer");
    }
    // A step's packet starts fresh, at its first hop shown, then walks one hop per press. Step 1
    // folds the DNS lookup (`fold: [dns]`: the question is where the ClusterIP is rewritten), so
    // its packet starts past the DNS hops, where the request leaves the client.
    let first = 1;
    if (n === 1) {
      await expect.poll(() => calloutHop(page)).toBeGreaterThan(1);
      first = await calloutHop(page);
    } else await expect.poll(() => calloutHop(page)).toBe(1);
    const total = await hopTotal(page);
    expect(total).toBeGreaterThan(first + 2);
    least = Math.min(least, await readableForTheRoom(page, `step ${n} hop ${first}`));
    for (let hop = first + 1; hop <= total; hop++) {
      await page.keyboard.press(hop % 2 ? "ArrowRight" : "PageDown");
      await expect.poll(() => calloutHop(page)).toBe(hop);
      least = Math.min(least, await readableForTheRoom(page, `step ${n} hop ${hop}`));
    }
    smallest.push(least);
    await expect(dialog.locator(".present-hop")).toContainText("The packet arrived");
    if (n >= 5 && n <= 10) {
      // A burst step shows its per-backend table: three pods behind hostnames.
      const table = dialog.getByRole("table", { name: "Burst result" });
      await expect(table).toBeVisible();
      await expect(table.getByRole("row")).toHaveCount(4);
    }
    // Back one hop and forward again: PageUp walks back before it leaves the step.
    await page.keyboard.press("PageUp");
    await expect.poll(() => calloutHop(page)).toBe(total - 1);
    await page.keyboard.press("PageDown");
    await expect.poll(() => calloutHop(page)).toBe(total);
    await page.keyboard.press("PageDown");
  }
  // The last press on the last hop of the last step changes nothing.
  await expect(dialog.getByText(`Step ${STEPS} of ${STEPS}`, { exact: true })).toBeVisible();
  test
    .info()
    .annotations.push({ type: "figure", description: `smallest label by step: ${smallest.join(", ")} px` });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(app.items("Service mine")).toHaveCount(1, { timeout: 30_000 });
  await expect(app.items("Service clusterip-service")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Workspace" })).toHaveCount(0);
  expect(await scrollback(page)).toBe(terminalBefore);
  await expect(open).toBeFocused();
});

test("the QR code covers most of the screen's short side, on demand", async ({ page }) => {
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await page.getByRole("button", { name: "Presentation mode", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Presentation mode" });
  await expect(dialog.getByText(`Step 1 of ${STEPS}`, { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("img", { name: "QR code of the share link" })).toHaveCount(0);
  await page.keyboard.press("q");
  const qr = page.getByRole("img", { name: "QR code of the share link" });
  await expect(qr).toBeVisible();
  const box = (await qr.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(0.4 * 1080);
  // The link holds the lesson and its step only: a short link, a coarse code.
  const link = (await page.locator(".present-qr-link").textContent()) ?? "";
  expect(link.length).toBeLessThan(300);
  await page.keyboard.press("Escape");
  await expect(qr).toBeHidden();
  await expect(dialog).toBeVisible();
});

test("the diagram fills its pane and scales its type for the room; all of the cluster on demand", async ({
  page,
}) => {
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await page.getByRole("button", { name: "Presentation mode", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Presentation mode" });
  await expect(dialog.getByText(`Step 1 of ${STEPS}`, { exact: true })).toBeVisible({ timeout: 60_000 });
  await drawn(page);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll(".present-diagram svg text")]
      .filter((t) => (t as SVGTextElement).getBBox().width > 0)
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t as SVGTextElement).getScreenCTM()?.a ?? 1)),
  );
  expect(sizes.length).toBeGreaterThan(20);
  // The seed's five nodes beside the narration: every label at the room's 24 px or more (the
  // whole cluster would be smaller, so the diagram frames what the step points at).
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(ROOM_LABEL_PX);
  await expect(dialog.locator(".topo-layer-services .pointed").first()).toBeInViewport();
  const pane = (await dialog.locator(".present-diagram").boundingBox())!;
  expect(pane.width * pane.height).toBeGreaterThan(0.5 * 1920 * 1080);

  // Part of the cluster is outside: the view says so, and shows all of it on demand.
  const cue = dialog.getByRole("button", { name: "Part of the cluster · Show all" });
  await cue.click();
  await expect(cue).toBeHidden();
  const allInside = await page.evaluate(() => {
    const panel = document.querySelector(".presentation #topology")!.getBoundingClientRect();
    return [...document.querySelectorAll(".presentation .topo-node-box")].every((n) => {
      const r = n.getBoundingClientRect();
      return (
        r.left >= panel.left - 1 &&
        r.right <= panel.right + 1 &&
        r.top >= panel.top - 1 &&
        r.bottom <= panel.bottom + 1
      );
    });
  });
  expect(allInside).toBe(true);
  // The step's packet is what matters next: framed in the room's type again.
  await page.keyboard.press("PageDown");
  await expect.poll(() => calloutHop(page)).toBeGreaterThan(0);
  await expect(cue).toBeVisible();
  await readableForTheRoom(page, "step 1's packet");
});

test("presentation mode in Korean: names, theme, and leaving with the button", async ({ page }) => {
  const lesson = new LessonPlayerPage(page, "ko");
  await lesson.goto();
  await page.getByRole("button", { name: "발표 모드", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "발표 모드" });
  await expect(dialog.getByText("11단계 중 1단계", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole("radiogroup")).toContainText("노드 instance-4");
  await dialog.getByRole("combobox", { name: "테마" }).selectOption("contrast");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "contrast");
  await dialog.getByRole("button", { name: "발표 끝내기" }).click();
  await expect(dialog).toBeHidden();
});
