/** The lookup-cost experiment up to 10,000 Services, run in the worker: its time and the page's smoothness. */
import { expect, test } from "@playwright/test";
import { longTasksBetween, now, report, settle, watchFrameGaps, watchMainThread } from "./longTasks";

test.use({ trace: "off" });

test("lookup-cost experiment", async ({ page }) => {
  test.setTimeout(300_000);
  await watchMainThread(page);
  await page.goto("./");
  await page.getByRole("tab", { name: "Lookup cost" }).click();
  const region = page.getByRole("region", { name: "Lookup cost" });
  await region.getByRole("button", { name: "Show the lookup-cost chart" }).click();
  await region.getByRole("slider", { name: "Endpoints per Service" }).fill("1");
  await settle(page);

  const longestGap = await watchFrameGaps(page);
  const start = await now(page);
  await page.locator("section.chart-panel button", { hasText: "Run experiment" }).click();
  const progress = page.locator('section.chart-panel [role="progressbar"]');
  await expect(progress).toBeAttached();
  await expect(progress).toHaveCount(0, { timeout: 280_000 });
  const end = await now(page);
  const gap = await longestGap();
  report(
    "lookup-cost experiment, 1–10,000 Services × 3 modes",
    `${(end - start).toFixed(0)} ms; ${await longTasksBetween(page, start, end)}; longest gap between frames ${gap.toFixed(0)} ms`,
  );
});
