import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
    /** The longest gap between animation frames since `__frameWatch` started, in ms. */
    __frameGap?: { max: number; running: boolean };
  }
}

/** The lookup-cost section, as a user meets it. */
class ChartSection {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole("region", { name: "Lookup cost" });
  }
  get progress(): Locator {
    return this.region.getByRole("progressbar");
  }
  /**
   * The same progress bar by CSS: while main-thread tasks are being measured, role queries
   * (which walk the accessibility tree on the page's main thread) would be the test's own long tasks.
   */
  get progressByCss(): Locator {
    return this.page.locator('section.chart-panel[aria-label="Lookup cost"] [role="progressbar"]');
  }
  get table(): Locator {
    return this.region.getByRole("table", { name: "Measured values" });
  }

  async open(): Promise<void> {
    await this.region.getByRole("button", { name: "Show the lookup-cost chart" }).click();
    await expect(this.region.getByRole("slider", { name: "Endpoints per Service" })).toBeVisible({
      timeout: 15_000,
    });
  }

  async setEndpoints(n: number): Promise<void> {
    await this.region.getByRole("slider", { name: "Endpoints per Service" }).fill(String(n));
  }

  async run(): Promise<void> {
    await this.region.getByRole("button", { name: "Run experiment" }).click();
  }

  /** The table's cells for `mode` at `services` Services (numbers as shown, English grouping). */
  async row(services: string, mode: string): Promise<string[]> {
    const row = this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: services, exact: true }) });
    return row
      .filter({ has: this.page.getByRole("rowheader", { name: mode, exact: true }) })
      .getByRole("cell")
      .allTextContents();
  }
}

test.beforeEach(async ({ page }) => {
  // Installed before any page script: every main-thread task over 50 ms, from the first one.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
});

test("d3's chart code loads only when the chart is opened", async ({ page }) => {
  const chunks: string[] = [];
  page.on("request", (r) => chunks.push(r.url()));
  await page.goto("./");
  const chart = new ChartSection(page);
  await expect(chart.region).toBeVisible();
  expect(chunks.filter((u) => /LookupChart/.test(u))).toEqual([]);
  await chart.open();
  expect(chunks.filter((u) => /LookupChart.*\.js$/.test(u))).toHaveLength(1);
});

// Playwright's trace snapshots the whole DOM on the page's main thread at every action and
// poll: in the long-task test those would be the test's long tasks, not the app's.
test.use({ trace: "off" });

test("the experiment runs to 10,000 Services in the worker without a long main-thread task", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto("./");
  const chart = new ChartSection(page);
  await chart.open();
  await chart.setEndpoints(1);
  // Let the page finish booting (engine, editor, topology) so only the experiment's window is measured.
  await page.waitForFunction(
    () => {
      const last = window.__longTasks!.at(-1);
      return !last || performance.now() - (last.start + last.duration) > 2000;
    },
    null,
    { timeout: 60_000, polling: 250 },
  );

  await page.evaluate(() => {
    const watch = { max: 0, running: true };
    window.__frameGap = watch;
    let last = performance.now();
    const tick = (now: number) => {
      watch.max = Math.max(watch.max, now - last);
      last = now;
      if (watch.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const run = chart.region.getByRole("button", { name: "Run experiment" });
  await expect(run).toBeEnabled();
  const runByCss = page.locator("section.chart-panel button", { hasText: "Run experiment" });
  await expect(runByCss).toHaveCount(1);
  const start = await page.evaluate(() => performance.now());
  await runByCss.click();
  const progress = chart.progressByCss;
  await expect(progress).toHaveAttribute("aria-valuemax", "27");
  await expect
    .poll(async () => Number(await progress.getAttribute("aria-valuenow")), {
      timeout: 60_000,
      intervals: [500],
    })
    .toBeGreaterThan(0);
  await expect.poll(async () => progress.count(), { timeout: 200_000, intervals: [1000] }).toBe(0);
  const end = await page.evaluate(() => performance.now());
  const frameGap = await page.evaluate(() => {
    window.__frameGap!.running = false;
    return window.__frameGap!.max;
  });

  // Three modes side by side: a mean and a worst line each, and one sync line each.
  const rules = chart.region.locator(".lookup-panel-rules");
  for (const mode of ["iptables", "ipvs", "nftables"]) {
    await expect(rules.locator(`path.lookup-line.mode-${mode}`)).toHaveCount(2);
    await expect(chart.region.locator(`.lookup-panel-sync path.lookup-line.mode-${mode}`)).toHaveCount(1);
  }
  await expect(chart.region.locator(".lookup-marker")).toHaveCount(2);

  // The table has every row, with numbers: iptables walks ~N rules at 10,000 Services, nftables a handful.
  await expect(chart.table.getByRole("row")).toHaveCount(1 + 27);
  const iptables = await chart.row("10,000", "iptables");
  const nftables = await chart.row("10,000", "nftables");
  const worst = (cells: string[]) => Number(cells[2]!.replace(/,/g, ""));
  expect(worst(iptables)).toBeGreaterThanOrEqual(10_000);
  expect(worst(nftables)).toBeLessThan(100);

  // Exact values by keyboard: the plot takes focus and the arrow keys walk the sizes.
  const plot = chart.region.getByRole("group", { name: /^Rules evaluated by a connection's first packet/ });
  await plot.focus();
  await expect(plot.getByRole("status")).toContainText("10,000 Services");
  await page.keyboard.press("Home");
  await expect(plot.getByRole("status")).toContainText("1 Services");

  const axe = await new AxeBuilder({ page }).include(".chart-panel").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

  const tasks = await page.evaluate(
    ([from, to]) => window.__longTasks!.filter((t) => t.start >= from! && t.start <= to!),
    [start, end],
  );
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  console.log(
    `experiment ${(end - start).toFixed(0)} ms; long tasks on the main thread: ${tasks.length}` +
      ` (longest ${longest.toFixed(0)} ms); longest gap between frames ${frameGap.toFixed(0)} ms`,
  );
  expect(tasks, "main-thread tasks over 50 ms during the experiment").toEqual([]);
});

test("Cancel stops the experiment and keeps the rows measured so far", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("./");
  const chart = new ChartSection(page);
  await chart.open();
  await chart.setEndpoints(10);
  await chart.run();
  await expect
    .poll(async () => Number(await chart.progress.getAttribute("aria-valuenow")), { timeout: 60_000 })
    .toBeGreaterThan(3);
  await chart.region.getByRole("button", { name: "Cancel" }).click();
  await expect(chart.progress).toBeHidden({ timeout: 60_000 });
  await expect(chart.region.getByText(/^Cancelled after \d+ of 27 measurements\.$/)).toBeVisible();
  const rows = await chart.table.getByRole("row").count();
  expect(rows).toBeGreaterThan(1 + 3);
  expect(rows).toBeLessThan(1 + 27);
  await expect(chart.region.getByRole("button", { name: "Run experiment" })).toBeEnabled();
});
