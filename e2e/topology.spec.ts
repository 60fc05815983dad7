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

test("300 pods on 10 nodes are drawn, and a burst's packets fly among them", async ({ page }) => {
  test.setTimeout(180_000);
  // A laptop beside the open manifests (at 1600×1000 the diagram, the middle's full height, holds
  // all 300 at 13 px).
  await page.setViewportSize({ width: 1366, height: 768 });
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(`${tenNodes()}---\n${WEB_300}`);
  await expect(app.items("Node ")).toHaveCount(10, { timeout: 60_000 });
  await expect(app.items("Pod web-")).toHaveCount(300, { timeout: 60_000 });
  // 300 pods fitted whole would put labels under 13 px: the view frames part of them and says so.
  const allInside = () =>
    page.evaluate(() => {
      const panel = document.querySelector("#topology")!.getBoundingClientRect();
      return [...document.querySelectorAll(".topo-node-box")].every((n) => {
        const r = n.getBoundingClientRect();
        return (
          r.left >= panel.left && r.right <= panel.right && r.top >= panel.top && r.bottom <= panel.bottom
        );
      });
    });
  const controls = page.getByRole("toolbar", { name: "Diagram view" });
  await expect(page.getByRole("button", { name: "Part of the cluster · Show all" })).toBeVisible();
  expect(await allInside()).toBe(false);
  // "Fit to view": every node is on screen inside the diagram's panel; zoomed in and fitted again, the same.
  await controls.getByRole("button", { name: "Fit to view" }).click();
  await expect.poll(allInside).toBe(true);
  for (let i = 0; i < 3; i++) await controls.getByRole("button", { name: "Zoom in" }).click();
  expect(await allInside()).toBe(false);
  await controls.getByRole("button", { name: "Fit to view" }).click();
  await expect.poll(allInside).toBe(true);
  // From the default source, the first pod of the Deployment: `web` resolves through CoreDNS.
  await app.burst(50, "web");
  // The burst's traces reach the diagram's canvas (their frame times are `npm run bench:web`'s).
  await expect
    .poll(async () => Number((await page.locator(".topo-host").getAttribute("data-flights")) ?? 0), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
});
