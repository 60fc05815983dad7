/**
 * The terminal's large texts arrive on first use: kubectl explain, kubectl's and bash's help,
 * and tab completion of explain's fields, typed as a user types them in the built site.
 */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

test("kubectl explain, help and kubectl --help print on first use, and explain's fields complete", async ({
  page,
}) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const explained = await app.run("kubectl explain svc.spec.ports.port");
  expect(explained).toContain("FIELD: port <integer>");
  expect(explained).toContain("The port that will be exposed by this service.");
  expect(await app.run("help")).toContain("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)");
  expect(await app.run("kubectl patch --help")).toContain(
    "Update fields of a resource using strategic merge patch",
  );

  const input = page.getByRole("textbox", { name: "Terminal" });
  await input.click();
  await page.keyboard.type("kubectl explain svc.spec.externalN");
  await page.keyboard.press("Tab");
  await expect(input).toHaveValue("kubectl explain svc.spec.externalName ");
});
