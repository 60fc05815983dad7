import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

/** The lookup-cost section, as a user meets it. */
class ChartSection {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole("region", { name: "Lookup cost" });
  }
  get progress(): Locator {
    return this.region.getByRole("progressbar");
  }
  get table(): Locator {
    return this.region.getByRole("table", { name: "Measured values" });
  }

  /** The chart's tab in the tools under the diagram. */
  async show(): Promise<void> {
    await this.page.getByRole("tab", { name: "Lookup cost" }).click();
    await expect(this.region).toBeVisible();
  }

  async open(): Promise<void> {
    await this.show();
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

test("d3's chart code loads only when the chart is opened", async ({ page }) => {
  const chunks: string[] = [];
  page.on("request", (r) => chunks.push(r.url()));
  await page.goto("./");
  const chart = new ChartSection(page);
  await chart.show();
  expect(chunks.filter((u) => /LookupChart/.test(u))).toEqual([]);
  await chart.open();
  expect(chunks.filter((u) => /LookupChart.*\.js$/.test(u))).toHaveLength(1);
});

test("the experiment runs to 10,000 Services in the worker and draws all three modes", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("./");
  const chart = new ChartSection(page);
  await chart.open();
  await chart.setEndpoints(1);
  await chart.run();
  await expect(chart.progress).toHaveAttribute("aria-valuemax", "27");
  await expect(chart.progress).toBeHidden({ timeout: 200_000 });

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
  await expect(plot.getByRole("status")).toContainText(/\b1 Service(?!s)/);

  const axe = await new AxeBuilder({ page }).include(".chart-panel").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
});

test("Cancel stops the experiment and keeps the rows measured so far", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("./");
  const chart = new ChartSection(page);
  await chart.open();
  await chart.setEndpoints(10);
  await chart.run();
  // Cancel as soon as three sizes are measured: the 10,000-Service clusters are still seconds away.
  await expect
    .poll(async () => Number(await chart.progress.getAttribute("aria-valuenow")), {
      timeout: 60_000,
      intervals: [50],
    })
    .toBeGreaterThan(3);
  await chart.region.getByRole("button", { name: "Cancel" }).click();
  await expect(chart.progress).toBeHidden({ timeout: 60_000 });
  await expect(chart.region.getByText(/^Cancelled after \d+ of 27 measurements\.$/)).toBeVisible();
  const rows = await chart.table.getByRole("row").count();
  expect(rows).toBeGreaterThan(1 + 3);
  expect(rows).toBeLessThan(1 + 27);
  await expect(chart.region.getByRole("button", { name: "Run experiment" })).toBeEnabled();
});
