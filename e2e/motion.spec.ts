/**
 * Reduced motion, honoured everywhere and followed live: with it, the packet jumps from hop to hop
 * and a burst draws its flows and counts without moving dots; without it they move; the change is
 * picked up without a reload, in both directions.
 */
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

/** The packet's drawn position and the position of hop `n`'s mark, in world units. */
function dotAndHop(page: Page, n: number) {
  return page.evaluate((i) => {
    const dot = document.querySelector(".topo-packet")!.getAttribute("transform")!;
    const [x, y] = dot.match(/-?[\d.]+/g)!.map(Number);
    const hop = document.querySelectorAll<SVGCircleElement>(".topo-layer-path circle.topo-hop")[i]!;
    return { dot: { x, y }, hop: { x: hop.cx.baseVal.value, y: hop.cy.baseVal.value } };
  }, n);
}

/** The burst's flows: how many connections each backend received, as the diagram writes them. */
function flowCounts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>(".topo-flow")].map((f) => Number(f.dataset.count)),
  );
}

test("reduced motion: the packet jumps, a burst draws still flows with counts; followed as it changes", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const app = new PacketwalkApp(page);
  await app.goto();
  const host = page.locator(".topo-host");
  await expect(host).toHaveAttribute("data-motion", "reduced");

  await app.sendPacket("", "10.96.0.1:443");
  await expect(page.locator(".topo-callout")).toBeVisible();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  // Back to the first hop, from wherever playback was when the pause landed.
  for (let k = Number(await host.getAttribute("data-hop")); k > 0; k--) {
    await page.getByRole("button", { name: "Step back" }).click();
    await expect(host).toHaveAttribute("data-hop", String(k - 1));
  }
  for (let i = 1; i < 4; i++) {
    await page.getByRole("button", { name: "Step forward" }).click();
    // The view has drawn step i (the click's render may land a frame later on a busy machine)...
    await expect(host).toHaveAttribute("data-hop", String(i));
    // ...and there is no tween: at once where the hop is.
    const { dot, hop } = await dotAndHop(page, i);
    expect(dot.x).toBeCloseTo(hop.x, 3);
    expect(dot.y).toBeCloseTo(hop.y, 3);
  }
  // CSS transitions and animations are cut short too.
  const edge = await page
    .locator(".topo-edge")
    .first()
    .evaluate((e) => getComputedStyle(e).transitionDuration);
  expect(Number.parseFloat(edge)).toBeLessThan(0.001);

  await app.burst(30, "10.96.0.1:443");
  await expect.poll(() => flowCounts(page)).not.toEqual([]);
  expect((await flowCounts(page)).reduce((a, b) => a + b, 0)).toBe(30);
  await expect(host).toHaveAttribute("data-flights", "0");

  // The preference changes while the page is open: the next burst moves.
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await expect(host).toHaveAttribute("data-motion", "full");
  await app.burst(30, "10.96.0.1:443");
  await expect.poll(async () => Number(await host.getAttribute("data-flights"))).toBeGreaterThan(0);

  // And back: the dots in flight stop at once; the flows and their counts stay.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect(host).toHaveAttribute("data-motion", "reduced");
  await expect(host).toHaveAttribute("data-flights", "0");
  expect((await flowCounts(page)).reduce((a, b) => a + b, 0)).toBe(30);
});
