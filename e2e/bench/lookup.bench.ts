/**
 * The lookup-cost experiment up to 10,000 Services (nine sizes × three modes), run in its worker:
 * its time and the page's smoothness, with the endpoints per Service the chart opens with (the
 * current cluster's mean) and with the CLI row's ten.
 */
import { expect, test } from "@playwright/test";
import { longTasksBetween, now, report, settle, watchFrameGaps, watchMainThread } from "./longTasks";

test.use({ trace: "off" });

for (const endpoints of ["the page's", "10"] as const)
  test(`lookup-cost experiment (${endpoints} endpoints per Service)`, async ({ page }) => {
    test.setTimeout(300_000);
    await watchMainThread(page);
    await page.goto("./");
    await page.getByRole("tab", { name: "Lookup cost" }).click();
    const region = page.getByRole("region", { name: "Lookup cost" });
    await region.getByRole("button", { name: "Show the lookup-cost chart" }).click();
    const slider = region.getByRole("slider", { name: "Endpoints per Service" });
    if (endpoints === "10") await slider.fill(endpoints);
    const perService = await slider.inputValue();
    await settle(page);

    // The run ends when its progress bar leaves the page, timed there at the next frame: Playwright
    // noticing it (expect polls at growing intervals) would add up to a second to the figure.
    await page.evaluate(() => {
      const panel = document.querySelector("section.chart-panel")!;
      const bar = () => panel.querySelector('[role="progressbar"]');
      let seen = false;
      const observer = new MutationObserver(() => {
        if (bar()) seen = true;
        else if (seen) {
          observer.disconnect();
          requestAnimationFrame(() => {
            (window as { __experimentEnd?: number }).__experimentEnd = performance.now();
          });
        }
      });
      observer.observe(panel, { subtree: true, childList: true });
    });
    const longestGap = await watchFrameGaps(page);
    const start = await now(page);
    await page.locator("section.chart-panel button", { hasText: "Run experiment" }).click();
    await page.waitForFunction(
      () => (window as { __experimentEnd?: number }).__experimentEnd !== undefined,
      null,
      {
        timeout: 280_000,
        polling: 250,
      },
    );
    const end = await page.evaluate(() => (window as { __experimentEnd?: number }).__experimentEnd!);
    const gap = await longestGap();
    // Every row measured: a run that failed also takes its bar away.
    await expect(region.getByRole("region", { name: "Measured values" }).locator("tbody tr")).toHaveCount(27);
    report(
      `lookup-cost experiment, 1–10,000 Services (9 sizes) × 3 modes, ${perService} endpoint(s) per Service`,
      `${(end - start).toFixed(0)} ms; ${await longTasksBetween(page, start, end)}; longest gap between frames ${gap.toFixed(0)} ms`,
    );
  });
