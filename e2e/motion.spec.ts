/**
 * Reduced motion, honoured everywhere and followed live: with it, a packet sent is not played out
 * but stands paused where its journey ends (in either language), stepping jumps from hop to hop, and
 * a burst draws its flows and counts without moving dots; without it the packet plays and the dots
 * move; the change is picked up without a reload, in both directions.
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

test("reduced motion: a packet stands at its last hop and steps without moving, a burst draws still flows; followed as it changes", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const app = new PacketwalkApp(page);
  await app.goto();
  const host = page.locator(".topo-host");
  await expect(host).toHaveAttribute("data-motion", "reduced");

  await app.sendPacket("", "10.96.0.1:443");
  await expect(page.locator(".topo-callout")).toBeVisible();
  // Not played out: the packet stands at its last hop, paused, its callout there.
  const playback = page.getByRole("toolbar", { name: "Playback" });
  const position = playback.locator(".playback-position .visually-hidden");
  await expect(playback.getByRole("button", { name: "Play" })).toBeVisible();
  await expect(playback.getByRole("button", { name: "Pause" })).toHaveCount(0);
  const total = Number((await position.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(3);
  await expect(position).toHaveText(`Hop ${total} of ${total}`);
  await expect(host).toHaveAttribute("data-hop", String(total - 1));
  // Back to the first hop, a step at a time.
  for (let k = total - 1; k > 0; k--) {
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

  // The preference changes while the page is open: the next packet plays, the next burst moves.
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await expect(host).toHaveAttribute("data-motion", "full");
  await app.sendPacket("", "10.96.0.1:443");
  await expect(playback.getByRole("button", { name: "Pause" })).toBeVisible();
  await playback.getByRole("button", { name: "Pause" }).click();
  await app.burst(30, "10.96.0.1:443");
  await expect.poll(async () => Number(await host.getAttribute("data-flights"))).toBeGreaterThan(0);

  // And back: the dots in flight stop at once; the flows and their counts stay.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect(host).toHaveAttribute("data-motion", "reduced");
  await expect(host).toHaveAttribute("data-flights", "0");
  expect((await flowCounts(page)).reduce((a, b) => a + b, 0)).toBe(30);

  // In Korean too: a packet sent stands paused at its last hop.
  await app.setLanguage("ko");
  const form = page.getByRole("region", { name: "패킷 보내기" });
  await form.getByRole("textbox", { name: "목적지" }).fill("10.96.0.1:443");
  await form.getByRole("button", { name: "패킷 보내기" }).click();
  const korean = page.getByRole("toolbar", { name: "재생" });
  await expect(korean.locator(".playback-position .visually-hidden")).toHaveText(
    `${total}개 중 ${total}번째 홉`,
  );
  await expect(korean.getByRole("button", { name: "일시 정지" })).toHaveCount(0);
  await expect(korean.getByRole("button", { name: "재생" })).toBeVisible();
});
