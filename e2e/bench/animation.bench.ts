/** Frame times of the diagram with 300 pods on 10 nodes and a burst's packets in flight. */
import { test } from "@playwright/test";
import { PacketwalkApp } from "../fixtures/app";
import { tenNodes, WEB_300 } from "../fixtures/manifests";
import { frameTimes, report } from "./longTasks";

test("300 pods, 50 packets in flight", async ({ page }) => {
  test.setTimeout(180_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(`${tenNodes()}---\n${WEB_300}`);
  await page
    .locator('[data-topo-id^="pod:default/web-"]')
    .nth(299)
    .waitFor({ state: "attached", timeout: 60_000 });
  await app.burst(50, "web");
  await page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>(".topo-host")?.dataset.flights ?? 0) > 0,
    null,
    { timeout: 30_000 },
  );
  report("topology with 300 pods / 10 nodes / 50 flights, 3 s", await frameTimes(page, 3000));
});
