/**
 * On a laptop the diagram keeps its text readable rather than fitting everything: walking the
 * seed lesson at 1366×768, every step's smallest label on screen is 13 px or more, a packet's
 * current hop stays inside the diagram, the view says when part of the cluster is outside it,
 * and "Fit to view" still shows all of it. Figures, not timing.
 */
import { expect, test } from "@playwright/test";
import { diagramFigures, drawn, packetInside } from "./fixtures/figures";
import { LessonPlayerPage } from "./fixtures/lessons";

test.use({ viewport: { width: 1366, height: 768 }, reducedMotion: "reduce" });

test("the seed lesson's steps keep every label at 13 px or more, and a packet's hops in view", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await lesson.chooseSeedLesson();
  const labels: number[] = [];
  for (let n = 1; n <= 11; n++) {
    if (n > 1) await lesson.player.getByRole("button", { name: lesson.text.next }).click();
    await lesson.waitForStep(n, 11);
    await drawn(page);
    const smallest = (await diagramFigures(page)).smallestLabel;
    labels.push(smallest);
    expect(smallest, `step ${n}'s smallest label`).toBeGreaterThanOrEqual(13);
    // What matters now is in view: the packet a step sent, else (no burst's flows drawn) the Service the step points at.
    if (await page.locator(".topo-packet").isVisible())
      expect(await packetInside(page), `step ${n}'s packet is inside the diagram`).toBe(true);
    else if ((await page.locator(".topo-host").getAttribute("data-flows")) === "0")
      await expect(
        page.locator(".topo-layer-services .pointed").first(),
        `step ${n}'s Service is in view`,
      ).toBeInViewport();
  }
  test
    .info()
    .annotations.push({ type: "figure", description: `smallest label by step: ${labels.join(", ")}` });

  // Back on step 2 (five nodes): a packet to its NodePort Service, every hop walked back.
  for (let n = 10; n >= 2; n--)
    await lesson.player.getByRole("button", { name: lesson.text.previous }).click();
  await lesson.waitForStep(2, 11);
  await drawn(page);
  const form = page.getByRole("region", { name: "Send a packet" });
  await form.getByRole("textbox", { name: "Destination" }).fill("my-service");
  await form.getByRole("button", { name: "Send packet" }).click();
  const playback = page.getByRole("toolbar", { name: "Playback" });
  await expect(playback.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 60_000 });
  const position = playback.locator(".playback-position .visually-hidden");
  const total = Number((await position.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(2);
  for (let hop = total; hop >= 1; hop--) {
    if (hop < total) await playback.getByRole("button", { name: "Step back" }).click();
    await expect(position).toHaveText(`Hop ${hop} of ${total}`);
    expect(await packetInside(page), `hop ${hop}'s place is inside the diagram`).toBe(true);
    expect((await diagramFigures(page)).smallestLabel, `hop ${hop}`).toBeGreaterThanOrEqual(13);
  }

  // Part of the cluster is outside: the view says so; "Fit to view" shows all of it, on demand.
  const cue = page.getByRole("button", { name: "Part of the cluster · Show all" });
  await expect(cue).toBeVisible();
  await page
    .getByRole("toolbar", { name: "Diagram view" })
    .getByRole("button", { name: "Fit to view" })
    .click();
  await expect(cue).toBeHidden();
  const allInside = await page.evaluate(() => {
    const panel = document.querySelector("#topology")!.getBoundingClientRect();
    return [...document.querySelectorAll(".topo-node-box")].every((n) => {
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
});
