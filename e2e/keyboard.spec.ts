/** No keyboard trap: Tab can always leave the manifest editor and the terminal. */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

test("Escape then Tab, or Ctrl+M then Tab, leaves the editor; plain Tab indents", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const monaco = page.locator(".monaco-editor");
  await expect(monaco.locator(".view-lines")).toBeVisible({ timeout: 30_000 });
  const inMonaco = () => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null);

  await monaco.locator(".view-lines").click();
  await page.keyboard.press("Tab");
  expect(await inMonaco(), "Tab indents inside the editor").toBe(true);

  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  expect(await inMonaco(), "Escape then Tab leaves").toBe(false);

  await monaco.locator(".view-lines").click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("KeyX");
  await page.keyboard.press("Tab");
  expect(await inMonaco(), "a key between Escape and Tab gives Tab back to the editor").toBe(true);

  await page.keyboard.press("Control+M");
  await page.keyboard.press("Tab");
  expect(await inMonaco(), "Ctrl+M makes Tab move focus").toBe(false);
});

test("Tab completes in the terminal, and leaves it on an empty line or after Escape", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const input = page.getByRole("textbox", { name: "Terminal" });
  await input.click();
  await page.keyboard.type("kubectl get svc kuberne");
  await page.keyboard.press("Tab");
  await expect(input).toHaveValue("kubectl get svc kubernetes ");
  await expect(input).toBeFocused();

  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(input).not.toBeFocused();

  await input.fill("");
  await input.focus();
  await page.keyboard.press("Tab");
  await expect(input).not.toBeFocused();
});
