/**
 * axe-core finds no serious or critical violations: in every theme and both languages, with Monaco
 * loaded, and with a packet stopped on a hop whose callout shows a rewrite; and in presentation mode.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

/**
 * The rules that read colours. A theme changes only colours (custom properties and a few colour
 * rules under `:root[data-theme]`), so the other rules give the same answer in every theme: each view
 * is checked with every rule in one theme and with these in the others.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function seriousViolations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page });
  if (rules) builder.withRules(rules);
  const result = await builder.analyze();
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

const THEMES = ["Light", "Dark", "High contrast"] as const;

/** Stops playback on the first hop that rewrites the packet (its callout shows the DNAT). */
async function stopOnRewrite(page: Page): Promise<void> {
  const trace = await new PacketwalkApp(page).openTrace();
  const hops = trace.getByRole("listitem");
  await expect(hops.first()).toBeVisible();
  const rewriting = hops.filter({ has: page.locator(".hop-rewrite") }).first();
  await rewriting.getByRole("button").click();
  await expect(rewriting).toHaveAttribute("aria-current", "step");
  await expect(page.locator(".topo-callout-rewrite")).toBeVisible();
}

test("the workbench has no serious accessibility violations in any theme, English and Korean", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(
    (await import("node:fs")).readFileSync("src/examples/05-ipvs-schedulers.yaml", "utf8"),
  );
  await expect(app.items("Pod hostnames-").first()).toBeAttached({ timeout: 30_000 });
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  await app.sendPacket("", "hostnames");
  await stopOnRewrite(page);
  for (const lang of ["en", "ko"] as const) {
    await app.setLanguage(lang);
    for (const [i, theme] of THEMES.entries()) {
      await app.setTheme(
        lang === "en" ? theme : { Light: "밝게", Dark: "어둡게", "High contrast": "고대비" }[theme],
      );
      await expect(page.locator(".topo-callout-rewrite")).toBeVisible();
      expect(await seriousViolations(page, i === 0 ? undefined : COLOUR_RULES), `${lang}, ${theme}`).toEqual(
        [],
      );
    }
  }
});

test("presentation mode has no serious accessibility violations", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await page.getByRole("button", { name: "Presentation mode" }).click();
  await expect(page.getByRole("button", { name: "Next step" })).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
});

test("with every panel collapsed, and with the menu open, no serious violations", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await page.getByRole("button", { name: "Manifests", exact: true }).click();
  await expect(page.getByRole("region", { name: "Manifests" })).toBeHidden();
  await page.getByRole("button", { name: "Collapse the tools panel" }).click();
  await expect(page.getByRole("log")).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);
  await app.openMenu();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("every tab has no serious violations, in every theme", async ({ page }) => {
    test.setTimeout(180_000);
    const app = new PacketwalkApp(page);
    await app.goto();
    const form = page.getByRole("region", { name: "Send a packet" });
    await form.getByRole("textbox", { name: "Destination" }).fill("10.96.0.1:443");
    await form.getByRole("button", { name: "Send packet" }).tap();
    await expect(page.locator(".topo-callout")).toBeVisible();
    for (const [i, theme] of THEMES.entries()) {
      await app.setTheme(theme);
      for (const tab of ["Diagram", "Trace", "Terminal", "YAML", "Lesson"]) {
        await page.getByRole("tab", { name: tab, exact: true }).tap();
        if (tab === "YAML")
          await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
        expect(await seriousViolations(page, i === 0 ? undefined : COLOUR_RULES), `${theme}, ${tab}`).toEqual(
          [],
        );
      }
    }
  });
});
