import { expect, type Page, test } from "@playwright/test";
import { collectErrors, squiggleLines } from "./fixtures/editor";

// The manifest editor on the built site: Monaco with yaml-language-server (completion, hover,
// schema validation) and the API server's refusals as markers on their lines.

const TWO_NODEPORTS = `apiVersion: v1
kind: Service
metadata:
  name: first
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 30007
---
apiVersion: v1
kind: Service
metadata:
  name: second
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 30007
`;

const BAD_NAME = `apiVersion: v1
kind: Service
metadata:
  name: My_Service
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

const WORKER_TROUBLE = /worker|requestHandler|Unexpected usage|Could not create web worker/i;

async function openEditor(page: Page): Promise<void> {
  await page.goto("./");
  await expect(page.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
}

/** Replaces the editor's text through the store, as the example picker and lessons do. */
async function setText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const store = (window as unknown as { __packetwalkStore: { getState(): { setText(t: string): void } } })
      .__packetwalkStore;
    store.getState().setText(t);
  }, text);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText(text.split("\n")[0]!);
}

/** Monaco's content hover, once shown. */
function hoverWidget(page: Page) {
  return page.locator(".monaco-editor .monaco-hover:not(.hidden)").first();
}

/** Moves the mouse onto the first rendered occurrence of `word` in the editor, once Monaco has drawn it. */
async function hoverWord(page: Page, word: string): Promise<void> {
  await expect(page.locator(".monaco-editor .view-lines")).toContainText(word);
  const box = await page.evaluate((w) => {
    const walker = document.createTreeWalker(
      document.querySelector(".monaco-editor .view-lines")!,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, word);
  expect(box, `"${word}" is on screen`).not.toBeNull();
  await page.mouse.move(box!.x, box!.y);
}

test("the editor is a labelled YAML editor without worker errors", async ({ page }) => {
  const errors = collectErrors(page);
  await openEditor(page);
  await expect(page.getByRole("textbox", { name: "Manifest YAML" })).toBeAttached();
  await setText(page, BAD_NAME);
  // As in the hover test below: point again if the editor had not settled under the first position.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await hoverWord(page, "selector");
    await expect(hoverWidget(page)).toContainText("Route service traffic to pods", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  expect(errors.filter((e) => WORKER_TROUBLE.test(e))).toEqual([]);
});

test("a duplicate nodePort is refused with a marker on the second Service", async ({ page }) => {
  await openEditor(page);
  await setText(page, TWO_NODEPORTS);
  await page.getByRole("button", { name: "Apply" }).click();
  const message = "provided port is already allocated";
  await expect(page.locator(".editor-errors")).toContainText(message);
  await expect.poll(() => squiggleLines(page)).not.toEqual([]);
  const lines = await squiggleLines(page);
  // The refused object is the second document (lines 13-24); the first Service is accepted.
  expect(lines.every((l) => l >= 13 && l <= 24)).toBe(true);
  await page.mouse.move(0, 0);
  await page.locator(".monaco-editor .view-overlays .squiggly-error").first().hover({ force: true });
  await expect(hoverWidget(page)).toContainText(message);
});

test("an invalid name is refused with the API server's message at its object", async ({ page }) => {
  await openEditor(page);
  await setText(page, BAD_NAME);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator(".editor-errors")).toContainText('metadata.name: Invalid value: "My_Service"');
  await expect.poll(() => squiggleLines(page)).not.toEqual([]);
  expect((await squiggleLines(page)).every((l) => l >= 1 && l <= 4)).toBe(true);
});

test("markers from the store land on their line and leave with the next apply", async ({ page }) => {
  await openEditor(page);
  await setText(page, BAD_NAME);
  await page.evaluate((text) => {
    type Store = { getState(): { markApplied(t: string, e: unknown[]): void } };
    const store = (window as unknown as { __packetwalkStore: Store }).__packetwalkStore;
    store
      .getState()
      .markApplied(text, [
        { reason: "Invalid", message: "test refusal", source: { file: "manifests.yaml", line: 4 } },
      ]);
  }, BAD_NAME);
  await expect.poll(() => squiggleLines(page)).toEqual([4]);
  await page.evaluate((text) => {
    type Store = { getState(): { markApplied(t: string, e: unknown[]): void } };
    (window as unknown as { __packetwalkStore: Store }).__packetwalkStore.getState().markApplied(text, []);
  }, BAD_NAME);
  await expect.poll(() => squiggleLines(page)).toEqual([]);
});

test("completion offers the kinds and the fields of the chosen kind", async ({ page }) => {
  const errors = collectErrors(page);
  await openEditor(page);
  await setText(page, "apiVersion: v1\n");
  await page.mouse.move(0, 0);
  await page.locator(".monaco-editor .view-lines").click({ position: { x: 200, y: 5 } });
  await page.keyboard.press("Control+End");
  await page.keyboard.type("kind: Serv");
  await page.keyboard.press("Control+Space");
  const suggest = page.locator(".monaco-editor .suggest-widget");
  await expect(suggest).toBeVisible();
  await expect(suggest.getByRole("listitem", { name: /^Service,/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("spe");
  await page.keyboard.press("Control+Space");
  await expect(suggest.getByRole("listitem", { name: /^spec,/ })).toBeVisible();
  await page.keyboard.press("Enter");
  const text = await page.evaluate(
    () =>
      (
        window as unknown as { __packetwalkStore: { getState(): { text: string } } }
      ).__packetwalkStore.getState().text,
  );
  expect(text).toMatch(/^apiVersion: v1\s*\nkind: Service\s*\nspec:/);
  expect(errors.filter((e) => WORKER_TROUBLE.test(e))).toEqual([]);
});

test("hover shows Kubernetes' documentation of a field", async ({ page }) => {
  await openEditor(page);
  await setText(page, `${BAD_NAME.replace("My_Service", "web")}  sessionAffinity: ClientIP\n`);
  // Monaco answers a hover for the word under the pointer when the pointer arrived; while the
  // editor is still settling (its panel opening, fonts arriving) that can be another word. A user
  // moves the pointer away and back: so does the test, until the field's documentation shows.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await hoverWord(page, "sessionAffinity");
    await expect(hoverWidget(page)).toContainText("Used to maintain session affinity", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
});

test("Monaco stays out of the initial page's scripts", async ({ request }) => {
  const html = await (await request.get("./")).text();
  const entry = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(entry.length).toBeGreaterThan(0);
  let bytes = 0;
  for (const path of entry) {
    const body = await (await request.get(path)).text();
    bytes += body.length;
    // A class name every Monaco build carries; the initial scripts must not.
    expect(body.includes("monaco-editor-background"), path).toBe(false);
  }
  test.info().annotations.push({ type: "initial JS bytes (uncompressed)", description: String(bytes) });
});

test("the editor's theme follows the app's", async ({ page }) => {
  await openEditor(page);
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/\bvs\b/);
  await page.evaluate(() => {
    type Store = { getState(): { setTheme(t: string): void } };
    (window as unknown as { __packetwalkStore: Store }).__packetwalkStore.getState().setTheme("dark");
  });
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/\bvs-dark\b/);
});
