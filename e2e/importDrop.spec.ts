/**
 * Dropping a dump file on the page, as an SRE drags `dump.yaml` (or `dump.json`) from their file
 * manager: the file's text lands in the editor, the page offers to import it, and the import
 * report says what came in — in YAML and in JSON, onto the editor, and onto the diagram while the
 * editor is closed (the editor opens to show it).
 */
import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { dropFile } from "./fixtures/drop";
import { collectErrors } from "./fixtures/editor";

async function importDropped(page: Page): Promise<Locator> {
  const editor = page.getByRole("region", { name: "Manifests" });
  await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible();
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toBeVisible({ timeout: 30_000 });
  return report;
}

test("a YAML dump dropped onto the editor is imported with its report", async ({ page }) => {
  const errors = collectErrors(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = await app.openEditor();
  const text = readFileSync("testdata/import/kind-nftables.yaml", "utf8");
  await dropFile(
    page,
    editor.getByRole("textbox", { name: "Manifest YAML" }),
    "dump.yaml",
    "application/yaml",
    text,
  );
  const report = await importDropped(page);
  await expect(report.getByText("Imported 24 objects")).toBeVisible();
  await expect(report).toContainText("kube-proxy in nftables mode (from kube-proxy's config.conf)");
  await expect(report.getByRole("list", { name: "Objects per kind" })).toContainText("8 Pod");
  await expect(app.items("Node kind-worker2")).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("a JSON dump dropped onto the diagram while the editor is closed opens the editor and imports", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = page.getByRole("region", { name: "Manifests" });
  if (await editor.isVisible()) await editor.getByRole("button", { name: "Hide the manifests" }).click();
  await expect(editor).toBeHidden();
  const text = readFileSync("testdata/import/kind-ipvs.json", "utf8");
  await dropFile(page, app.topology, "dump.json", "application/json", text);
  const report = await importDropped(page);
  await expect(report.getByText("Imported 24 objects")).toBeVisible();
  await expect(report).toContainText("kube-proxy in ipvs mode (from kube-proxy's config.conf)");
  expect(await app.run("ipvsadm -Ln")).toContain("TCP  10.96.184.22:80 rr");
  expect(errors).toEqual([]);
});
