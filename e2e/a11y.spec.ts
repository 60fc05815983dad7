/** axe-core finds no serious or critical violations, in either language or in presentation mode. */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

async function seriousViolations(page: import("@playwright/test").Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

test("the workbench has no serious accessibility violations, in English and Korean", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(
    (await import("node:fs")).readFileSync("src/examples/05-ipvs-schedulers.yaml", "utf8"),
  );
  await expect(app.items("Pod hostnames-").first()).toBeAttached({ timeout: 30_000 });
  await app.sendPacket("", "hostnames");
  await expect(page.getByRole("region", { name: "Trace" }).getByRole("listitem").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  expect(await seriousViolations(page)).toEqual([]);
});

test("presentation mode has no serious accessibility violations", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await page.getByRole("button", { name: "Presentation mode" }).click();
  await expect(page.getByRole("button", { name: "Next step" })).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
});
