/**
 * The editor never loses its text: pasted with the clipboard and Ctrl+V (long lines included) it
 * stays in sight when the browser reveals the caret or the window is resized; a first visit
 * finds the example in it whichever of Monaco and the example arrives first.
 */
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const LONG = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
${Array.from({ length: 30 }, (_, i) => `    note-${i}: "${"x".repeat(60 + ((i * 37) % 180))}"`).join("\n")}
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080 # ${"the port the container listens on, whatever containerPort says ".repeat(3)}`;

/** The boxes Monaco scrolls itself; a browser that scrolls them hides the text behind the line numbers. */
function innerScroll(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".monaco-editor .overflow-guard, .monaco-editor .editor-scrollable")].map(
      (el) => `${el.scrollLeft},${el.scrollTop}`,
    ),
  );
}

/** Whether the editor's first visible line shows text within the editor's box. */
function textInSight(page: Page) {
  return page.evaluate(() => {
    const editor = document.querySelector(".monaco-editor")!.getBoundingClientRect();
    return [...document.querySelectorAll(".monaco-editor .view-line")].some((line) => {
      const r = line.getBoundingClientRect();
      const text = line.textContent?.trim() ?? "";
      return text !== "" && r.left < editor.right && r.left + 20 > editor.left && r.top >= editor.top;
    });
  });
}

test("a paste with Ctrl+V stays in sight: the inner boxes never scroll sideways", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = await app.openEditor();
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  await editor.getByRole("textbox", { name: "Manifest YAML" }).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.evaluate((text) => navigator.clipboard.writeText(text), LONG);
  await page.keyboard.press("ControlOrMeta+V");
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n")))
    .toBe(LONG);
  // Monaco follows the caret to the end of the last, long line; back at the start, the text shows.
  await editor.getByRole("textbox", { name: "Manifest YAML" }).focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await expect.poll(() => textInSight(page)).toBe(true);
  // The browser is asked to reveal the lines' box (as wide as the longest line), as it does for a
  // focused element, find-in-page or an automation's scrollIntoView: it scrolls any box it can.
  await page.evaluate(() =>
    document
      .querySelector(".monaco-editor .view-lines")!
      .scrollIntoView({ block: "center", inline: "center" }),
  );
  expect((await innerScroll(page)).every((s) => s === "0,0")).toBe(true);
  expect(await textInSight(page)).toBe(true);

  // A narrower and a wider window: the text is still there.
  for (const width of [1200, 1700]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => textInSight(page)).toBe(true);
    expect((await innerScroll(page)).every((s) => s === "0,0")).toBe(true);
  }
  // Collapsed and shown again (Monaco is rebuilt on its model): the text and the caret are back.
  await page.getByRole("button", { name: "Hide the manifests" }).click();
  await app.openEditor();
  // (The pasted text's top: below 1800 px the terminal shares the editor's column, so its last lines are scrolled off.)
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("note-0:");
  expect(await textInSight(page)).toBe(true);
});

test("a first visit finds the example in the plain editor, then in Monaco", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = await app.openEditor();
  const plainOrMonaco = editor.getByRole("textbox", { name: "Manifest YAML" });
  await expect(plainOrMonaco).toBeAttached();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("kind: Service", {
    timeout: 30_000,
  });
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("clusterip-service");
  await expect(editor.getByRole("status")).toHaveText("Unapplied changes");
});

test("the example arriving after Monaco still shows", async ({ page }) => {
  // Hold the example's chunk until Monaco is up: the order the race once lost.
  const release = await holdExample(page);
  await page.goto("./");
  const editor = page.getByRole("region", { name: "Manifests" });
  await editor.getByRole("textbox", { name: "Manifest YAML" }).click();
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  release();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("clusterip-service", {
    timeout: 30_000,
  });
});

test("what a first visitor types before the example arrives is never replaced by it", async ({ page }) => {
  const release = await holdExample(page);
  const asked = page.waitForRequest(/01-clusterip-[^/]*\.js$/);
  await page.goto("./");
  // The page has decided this is a first visit and sent for the example; the user types meanwhile.
  await asked;
  const editor = page.getByRole("region", { name: "Manifests" });
  await editor.getByRole("textbox", { name: "Manifest YAML" }).click();
  await page.keyboard.type("# mine\n");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("# mine", { timeout: 30_000 });
  const arrived = page.waitForResponse(/01-clusterip-[^/]*\.js$/);
  release();
  await arrived;
  // The first cluster is drawn only after the example was offered (or not): the offer is settled.
  await expect(page.locator('[data-topo-id^="node:"]').first()).toBeAttached({ timeout: 30_000 });
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("# mine");
  await expect(page.locator(".monaco-editor .view-lines")).not.toContainText("clusterip-service");
});

/** Holds the first-visit example's chunk until the returned function is called. */
async function holdExample(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/01-clusterip-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
