/**
 * Dropping a dump file on the page, as an SRE drags `dump.yaml` (or `dump.json`) from their file
 * manager: the file's text lands in the editor, the page offers to import it, and the import
 * report says what came in — in YAML and in JSON, onto the editor, and onto the diagram while the
 * editor is closed (the editor opens to show it). A big dump, dropped or pasted, goes into the
 * editor a slice at a time.
 */
import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { bigDump, IMPORT_SHAPE } from "../src/bench/dump";
import { PacketwalkApp } from "./fixtures/app";
import { dropFile } from "./fixtures/drop";
import { collectErrors } from "./fixtures/editor";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

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

/** The app opened, Monaco loaded in its editor, the editor's text box focused. */
async function monacoOpened(page: Page): Promise<{ editor: Locator; box: Locator }> {
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = await app.openEditor();
  const box = editor.getByRole("textbox", { name: "Manifest YAML" });
  await box.focus();
  await expect(editor.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  return { editor, box };
}

/** Whether the store holds `text` (Monaco writes CRLF line ends under a Windows user agent). */
function storeHolds(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    (want) => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n") === want,
    text,
  );
}

/**
 * Waits until a dump dropped or pasted is all in the editor: offered for import (the store holds
 * it, and its fill began in the same task) and filling no more. A file is read a chunk per task
 * first: "not filling" alone can be seen before its fill has begun.
 */
async function dumpIn(editor: Locator, timeout: number): Promise<void> {
  await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible({ timeout });
  await expect(editor.locator("[data-filling]")).toHaveCount(0, { timeout });
}

/** Records every change of the editor's "filling" mark and of its read-only state, as they happen. */
async function watchFill(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const host = document.querySelector<HTMLElement>(".editor-panel .monaco-editor")!.parentElement!;
    const seen: string[] = [];
    (window as { __fill?: string[] }).__fill = seen;
    new MutationObserver(() => {
      // Monaco marks its input so while the editor is read-only.
      const input = host.querySelector("[aria-autocomplete]");
      const state = `${host.dataset.filling ? "filling" : "idle"} ${input?.getAttribute("aria-autocomplete") === "none" ? "read-only" : "editable"}`;
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(host, {
      attributes: true,
      subtree: true,
      attributeFilter: ["data-filling", "aria-autocomplete"],
    });
  });
  return () => page.evaluate(() => (window as { __fill?: string[] }).__fill!);
}

/**
 * A big dump, dropped or pasted, goes into the editor a slice at a time (fillModel.ts): read-only
 * until it is whole, then the whole of it is there, and it is one undo step (redo brings it back).
 */
for (const how of ["dropped", "pasted"] as const) {
  test(`a big dump ${how} into the editor goes in a slice at a time, as one undo step`, async ({ page }) => {
    const errors = collectErrors(page);
    const { editor, box } = await monacoOpened(page);
    const before = await page.evaluate(() =>
      window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"),
    );
    // Several of the editor's slices, past the size it shows as plain text.
    const text = bigDump({ pods: 1000, services: 400 }, "yaml");
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const fillStates = await watchFill(page);
    if (how === "dropped") await dropFile(page, box, "dump.yaml", "application/yaml", text);
    else {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await box.focus();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("ControlOrMeta+V");
    }
    await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible();
    await dumpIn(editor, 30_000);
    const states = await fillStates();
    expect(states).toContain("filling read-only");
    expect(states.at(-1)).toBe("idle editable");

    const holds = (t: string) => storeHolds(page, t);
    expect(await holds(text)).toBe(true);
    // The dump's end is in the editor: its last line, reached with Ctrl+End.
    await box.focus();
    await page.keyboard.press("ControlOrMeta+End");
    const lastLine = text.trimEnd().split("\n").at(-1)!.trim();
    await expect(editor.locator(".monaco-editor .view-lines")).toContainText(lastLine);
    await page.keyboard.press("ControlOrMeta+Z");
    await expect.poll(() => holds(before)).toBe(true);
    await page.keyboard.press("ControlOrMeta+Shift+Z");
    await expect.poll(() => holds(text)).toBe(true);
    expect(errors).toEqual([]);
  });
}

/**
 * A dump over Monaco's large-file line count is marked large once it is in (as Monaco marks a model
 * created with such a text); undone, the manifests are YAML again, coloured, and redo brings the dump back.
 */
test("a dump over Monaco's large-file size, undone, leaves the manifests coloured as YAML again", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const { editor, box } = await monacoOpened(page);
  const lines = editor.locator(".monaco-editor .view-lines");
  // How many token colours the lines on screen use: several for YAML, one for plain text.
  const colours = () =>
    lines.evaluate(
      (el) => new Set([...el.querySelectorAll("span[class^='mtk']")].map((s) => s.className)).size,
    );
  await expect.poll(colours).toBeGreaterThan(1);
  const before = await page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"));
  const text = bigDump({ pods: 2000, services: 800 }, "json");
  expect(text.split("\n").length).toBeGreaterThan(300_000);
  await dropFile(page, box, "dump.json", "application/json", text);
  await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible();
  await dumpIn(editor, 60_000);
  const holds = (t: string) => storeHolds(page, t);
  expect(await holds(text)).toBe(true);
  expect(await colours()).toBe(1);
  await box.focus();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(lines).toContainText(text.trimEnd().split("\n").at(-1)!.trim());
  await page.keyboard.press("ControlOrMeta+Z");
  await expect.poll(() => holds(before)).toBe(true);
  await expect.poll(colours).toBeGreaterThan(1);
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect.poll(() => holds(text)).toBe(true);
  expect(errors).toEqual([]);
});

test("what is typed into a big dump reaches the import, even when Import is clicked at once", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const { editor, box } = await monacoOpened(page);
  const text = bigDump({ pods: 1000, services: 400 }, "yaml");
  await dropFile(page, box, "dump.yaml", "application/yaml", text);
  await dumpIn(editor, 30_000);
  await box.focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  // No word suggestions in a dump ("metadata" is in it): they would copy all of its text to
  // Monaco's own worker, in one long task.
  await page.keyboard.type("meta");
  await page.keyboard.press("Control+Space");
  await expect(editor.locator(".suggest-widget")).toContainText("No suggestions.");
  await page.keyboard.press("Escape");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("# edited before import");
  // A dump's text is copied to the store once typing pauses; Import, clicked at once, copies it first.
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  await expect(page.getByRole("region", { name: "Import report" })).toBeVisible({ timeout: 60_000 });
  const stored = await page.evaluate(() => window.__packetwalkStore!.getState().text);
  // What was imported is what the editor holds, comment included: nothing is left unapplied.
  const inSync = await page.evaluate(() => {
    const s = window.__packetwalkStore!.getState();
    return s.appliedText === s.text;
  });
  expect(inSync).toBe(true);
  expect(stored.replace(/\r\n/g, "\n").trimEnd().endsWith("# edited before import")).toBe(true);
  expect(stored.length).toBeGreaterThan(text.length);
  expect(errors).toEqual([]);
});

test("a key typed while a dump goes into the editor is not taken, and the editor says why", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const { editor, box } = await monacoOpened(page);
  const before = await page.evaluate(() => window.__packetwalkStore!.getState().text);
  // What the editor says, kept as it appears: it goes when the whole text is in.
  await page.evaluate(() => {
    const said: string[] = [];
    (window as { __said?: string[] }).__said = said;
    new MutationObserver(() => {
      const text = document.querySelector(".monaco-editor-overlaymessage")?.textContent;
      if (text && said.at(-1) !== text) said.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  // The biggest dump the bench imports, on a CPU slowed down 4 times: it takes seconds to go in.
  const text = bigDump(IMPORT_SHAPE, "json");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await dropFile(page, box, "dump.json", "application/json", text);
  await expect(editor.locator("[data-filling]")).toHaveCount(1, { timeout: 30_000 });
  await box.focus();
  await page.keyboard.type("x");
  const filledYet = await editor.locator("[data-filling]").count();
  await dumpIn(editor, 120_000);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  // Pressed while it went in (the fill lasts seconds, a key press milliseconds).
  expect(filledYet).toBe(1);
  const said = await page.evaluate(() => (window as { __said?: string[] }).__said!);
  expect(said).toEqual(["The file is still going into the editor: it can be edited once it is all in."]);
  // The key went nowhere: the editor holds the dump, and undo brings back what it replaced.
  expect(await storeHolds(page, text)).toBe(true);
  await box.focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect.poll(() => storeHolds(page, before.replace(/\r\n/g, "\n"))).toBe(true);
  expect(errors).toEqual([]);
});
