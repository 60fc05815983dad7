import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { tenNodes, WEB_300 } from "./fixtures/manifests";
test("shot", async ({ page }) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.sendPacket("Node kind-worker ", "kube-dns.kube-system:53");
  await page.waitForTimeout(2500);
  await app.topology.screenshot({ path: "/tmp/topo-harness/app-default.png" });
  await app.applyManifest(`${tenNodes()}---\n${WEB_300}`);
  await expect(app.items("Pod web-")).toHaveCount(300, { timeout: 60_000 });
  await app.sendPacket("worker-1", "web");
  await page.waitForTimeout(1500);
  await app.topology.screenshot({ path: "/tmp/topo-harness/app-300.png" });
});
