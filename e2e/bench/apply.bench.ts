/** The main thread while the engine (in its worker) applies 10,000 Services. */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "../fixtures/app";
import { webDeployment, webService } from "../fixtures/manifests";
import { longTasksBetween, now, report, settle, watchMainThread } from "./longTasks";

const SERVICES = 10_000;

test.use({ trace: "off" });

test("apply of 10,000 Services", async ({ page }) => {
  test.setTimeout(300_000);
  await watchMainThread(page);
  await new PacketwalkApp(page).goto();
  const yaml = [webDeployment(2), ...Array.from({ length: SERVICES }, (_, i) => webService(`svc-${i}`))].join(
    "---\n",
  );
  // The text goes in before the measured window: the editor taking a big text is editing, not the engine.
  await page.evaluate((text) => window.__packetwalkStore!.getState().setText(text), yaml);
  await settle(page, 5000);

  const start = await now(page);
  await page.locator(".editor-panel button", { hasText: "Apply" }).first().click();
  // CSS, not role queries, inside the window: those walk the accessibility tree on the main thread.
  await page.waitForFunction(
    () => {
      const s = window.__packetwalkStore!.getState() as { text: string; appliedText?: string };
      return s.appliedText === s.text;
    },
    null,
    { timeout: 240_000, polling: 500 },
  );
  await expect(page.locator('[data-topo-id="service:default/svc-0"]')).toBeAttached({ timeout: 60_000 });
  const end = await now(page);
  await settle(page, 1000);
  report(
    `apply of ${SERVICES} Services`,
    `${(end - start).toFixed(0)} ms; ${await longTasksBetween(page, start, end)}`,
  );
});
