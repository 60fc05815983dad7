/**
 * Issue 17 in the browser: a 5,000-pod, 2,000-Service dump (with its slices, as kubectl prints
 * `-o json` and `-o yaml`) dropped on the editor, then imported by the engine in its worker — the
 * worker's own time, then the whole path from "Import cluster" to the report on screen, each
 * with the main thread's long tasks.
 */
import { expect, type Page, test } from "@playwright/test";
import { bigDump, IMPORT_SHAPE } from "../../src/bench/dump";
import { PacketwalkApp } from "../fixtures/app";
import { longTasksBetween, now, report, settle, watchFrameGaps, watchMainThread } from "./longTasks";

test.use({ trace: "off" });

/** A file the page can be handed in a drop, as the browser fires it. */
function fileTransfer(page: Page, name: string, text: string) {
  return page.evaluateHandle(
    ([n, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], n));
      return dt;
    },
    [name, text] as const,
  );
}

interface EngineHandle {
  call<T>(
    fn: (api: { importCluster(f: { name: string; text: string }): Promise<T> }) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T>;
}

for (const format of ["json", "yaml"] as const) {
  test(`import of ${IMPORT_SHAPE.pods} pods and ${IMPORT_SHAPE.services} Services (${format})`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await watchMainThread(page);
    const app = new PacketwalkApp(page);
    await app.goto();
    const editor = await app.openEditor();
    await expect(editor.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 60_000 });
    const text = bigDump(IMPORT_SHAPE, format);
    const mib = (text.length / 2 ** 20).toFixed(1);
    // The file dropped on the editor, until the editor holds all of it (it goes in a slice per task).
    const file = await fileTransfer(page, `dump.${format}`, text);
    await settle(page, 2000);
    const dropped = await now(page);
    const target = editor.getByRole("textbox", { name: "Manifest YAML" });
    for (const event of ["dragenter", "dragover", "drop"])
      await target.dispatchEvent(event, { dataTransfer: file });
    await page.waitForFunction(
      () =>
        /looks like a cluster dump/.test(document.querySelector(".editor-panel")?.textContent ?? "") &&
        document.querySelector(".editor-panel [data-filling]") === null,
      null,
      { timeout: 120_000, polling: 100 },
    );
    const filled = await now(page);
    report(
      `drop of the ${format} dump (${mib} MiB) until the editor holds all of it`,
      `${(filled - dropped).toFixed(0)} ms; ${await longTasksBetween(page, dropped, filled)}`,
    );
    await settle(page, 3000);

    // The caret moved to the dump's end (the first command after it went in), a word typed there,
    // a pause, then erased: nothing may copy or pack the whole text per key, to the store, to
    // Monaco's own worker (word suggestions start on a word's letters) or into an undo step.
    const before = await page.evaluate(() => window.__packetwalkStore!.getState().text.length);
    const typing = await now(page);
    await target.focus();
    await page.keyboard.press("ControlOrMeta+End");
    const keys = [..."web", "Backspace", "Backspace", "Backspace"];
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      await page.waitForTimeout(i === 2 ? 1000 : 120);
    }
    await page.waitForFunction(
      (length) => window.__packetwalkStore!.getState().text.length === length,
      before,
      { timeout: 60_000, polling: 100 },
    );
    const typed = await now(page);
    report(
      `Ctrl+End in the ${format} dump, a word typed and erased, until the store holds the text`,
      `${(typed - typing).toFixed(0)} ms; ${await longTasksBetween(page, typing, typed)}`,
    );
    await settle(page, 3000);

    // The worker alone: the dump posted to it, read, decoded, stored, adopted and synced.
    const worker = await page.evaluate(async (name) => {
      const engine = (window as unknown as { __packetwalkEngine: EngineHandle }).__packetwalkEngine;
      const file = { name, text: window.__packetwalkStore!.getState().text };
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await engine.call((api) => api.importCluster(file), 300_000);
        runs.push(performance.now() - t);
      }
      return runs;
    }, `dump.${format}`);
    const sorted = [...worker].sort((a, b) => a - b);
    report(
      `import ${format} (${mib} MiB) in the worker`,
      `median ${sorted[1]!.toFixed(0)} ms; runs ${worker.map((t) => t.toFixed(0)).join(", ")} ms`,
    );
    await settle(page, 3000);

    // The user's path: the button, the progress, the report and the diagram of the new cluster.
    // When the diagram's drawing of each view is whole (the host's data-revision), timed in the page.
    await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>(".topo-host")!;
      const drawn: Record<string, number> = {};
      (window as { __drawnAt?: Record<string, number> }).__drawnAt = drawn;
      new MutationObserver(() => {
        drawn[host.dataset.revision ?? ""] = performance.now();
      }).observe(host, { attributes: true, attributeFilter: ["data-revision"] });
    });
    const longestGap = await watchFrameGaps(page);
    const start = await now(page);
    await page.locator(".editor-panel button", { hasText: "Import cluster" }).first().click();
    await page.waitForFunction(
      () => {
        const s = window.__packetwalkStore!.getState() as unknown as {
          importing: unknown;
          importReport: unknown;
        };
        return s.importing === null && s.importReport !== null;
      },
      null,
      {
        timeout: 300_000,
        polling: 500,
      },
    );
    // A plain query polled in the page: an `expect` that polls runs Playwright's own snapshot code
    // in the page while it waits, a long task the app would be counted for.
    await page.waitForFunction(
      () => document.querySelector('[data-topo-id="service:default/app-0"]') !== null,
      null,
      {
        timeout: 120_000,
        polling: 100,
      },
    );
    const end = await now(page);
    // The rest of the drawing: the pods of 50 nodes go in over the next frames.
    const drawn = await page.waitForFunction(
      () => {
        const state = window.__packetwalkStore!.getState() as unknown as {
          view: { revision: number } | null;
        };
        const revision = String(state.view?.revision);
        return (window as { __drawnAt?: Record<string, number> }).__drawnAt![revision];
      },
      null,
      { timeout: 120_000, polling: 100 },
    );
    const whole = (await drawn.jsonValue()) as number;
    const gap = await longestGap();
    await settle(page, 1000);
    report(
      `import ${format} (${mib} MiB) from the button to the report and diagram`,
      `${(end - start).toFixed(0)} ms; ${await longTasksBetween(page, start, end)}`,
    );
    report(
      `import ${format} (${mib} MiB) from the button to the diagram drawn whole`,
      `${(whole - start).toFixed(0)} ms; ${await longTasksBetween(page, start, whole)}; longest gap between frames ${gap.toFixed(0)} ms`,
    );
  });
}
