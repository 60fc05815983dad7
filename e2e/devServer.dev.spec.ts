/**
 * `npm start`: the dev server gives the same app as the build — the engine, Monaco with the YAML
 * language server in its worker (schema validation), React with Fast Refresh — and no page errors.
 */
import { expect, test } from "@playwright/test";
import { collectErrors, squiggleLines } from "./fixtures/editor";

const TYPO = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: 80
`;

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the dev server's editor validates against the schema, without worker or page errors", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto("./");
  await expect(page.getByRole("region", { name: "Topology" }).getByRole("button").first()).toBeAttached({
    timeout: 60_000,
  });
  const editor = page.getByRole("region", { name: "Manifests" });
  await editor.getByRole("textbox", { name: "Manifest YAML" }).click();
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 60_000 });
  // Pasted as a user would: select all, then Ctrl+V.
  await page.evaluate((text) => navigator.clipboard.writeText(text), TYPO);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  // yaml-language-server, in its worker, marks `ports: 80` (a list is expected).
  await expect.poll(() => squiggleLines(page, "warning"), { timeout: 30_000 }).toEqual([6]);
  expect(await page.evaluate(() => typeof (window as { $RefreshReg$?: unknown }).$RefreshReg$)).toBe(
    "function",
  );
  expect(errors).toEqual([]);
});
