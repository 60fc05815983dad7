import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { tenNodes, WEB_300 } from "./fixtures/manifests";

test("the topology names the default cluster's nodes and CoreDNS pods", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await expect(app.items("Node ")).toHaveCount(3);
  await expect(app.items("Pod coredns-")).toHaveCount(2);
  await expect(app.items("Service kube-dns")).toHaveCount(1);
  // Reachable by keyboard: focusing an item shows its name.
  const node = app.items("Node ").first();
  await node.focus();
  await expect(node).toBeFocused();
  await expect(app.topology.locator("g.topo-node.focused")).toHaveCount(1);
});

test("a sent packet walks its trace with a callout at the current hop", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.sendPacket("", "kubernetes");
  const callout = app.topology.locator(".topo-callout");
  await expect(callout).toBeVisible();
  await expect(app.topology.locator("path.topo-path").first()).toBeAttached();
});

test("300 pods on 10 nodes with 50 packets in flight stay under 20 ms a frame (p95)", async ({ page }) => {
  test.setTimeout(180_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(`${tenNodes()}---\n${WEB_300}`);
  await expect(app.items("Node ")).toHaveCount(10, { timeout: 60_000 });
  await expect(app.items("Pod web-")).toHaveCount(300, { timeout: 60_000 });
  // From the default source, the first pod of the Deployment: `web` resolves through CoreDNS.
  await app.burst(50, "web");
  // The burst's traces reach the diagram through publishFlights.
  await page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>(".topo-host")?.dataset.flights ?? 0) > 0,
    null,
    {
      timeout: 30_000,
    },
  );
  const stats = await page.evaluate(async () => {
    const deltas: number[] = [];
    let last = 0;
    const until = performance.now() + 3000;
    await new Promise<void>((done) => {
      const frame = (t: number) => {
        if (last) deltas.push(t - last);
        last = t;
        if (t < until) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const flights = Number(document.querySelector<HTMLElement>(".topo-host")?.dataset.flights ?? 0);
    return { frames: deltas.length, p50: at(0.5), p95: at(0.95), max: at(1), flights };
  });
  console.log(
    `topology frame times with 300 pods / 10 nodes / ${stats.flights} flights: ` +
      `${stats.frames} frames, p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms`,
  );
  expect(stats.frames).toBeGreaterThan(60);
  expect(stats.p95).toBeLessThan(20);
});
