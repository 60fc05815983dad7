/**
 * A dump as big as a real cluster's, imported in the page: the bar shows how far the worker is
 * (determinate, only ever moving forward), the diagram draws every node and pod the report
 * counts, and the workspace is saved (its text is over what local storage keeps: IndexedDB holds
 * it), so a reload brings the imported cluster and the editor's text back. Storage that refuses
 * the text says so, and a reload brings back the last saved work.
 */
import { expect, type Page, test } from "@playwright/test";
import { bigDump } from "../src/bench/dump";
import { PacketwalkApp } from "./fixtures/app";
import { savedLines, savedSession, waitSaved } from "./fixtures/session";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

// 1,600 pods, 500 Services and their slices as kubectl prints -o yaml: 4.8 MB, over the 4 MiB local storage gets.
const DUMP = bigDump({ pods: 1600, services: 500 }, "yaml");

declare global {
  interface Window {
    /** Every state of the import's bar seen: its value, or null while indeterminate. */
    __bar?: (number | null)[];
  }
}

/** Records every state of the import's bar, read on every change to the page so none is missed. */
async function watchBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__bar = [];
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>(".import-progress progress");
      if (!bar) return;
      const value = bar.hasAttribute("value") ? bar.value : null;
      if (window.__bar!.at(-1) !== value) window.__bar!.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The report's count of `kind`, as it shows it. */
async function reported(page: Page, kind: string): Promise<number> {
  const item = page
    .getByRole("list", { name: "Objects per kind" })
    .getByRole("listitem")
    .filter({
      hasText: new RegExp(`^\\d+ ${kind}$`),
    });
  return Number((await item.textContent())!.split(" ")[0]);
}

/** Every node and pod of the imported cluster is drawn in the diagram. */
async function expectAllDrawn(page: Page, nodes: number, pods: number): Promise<void> {
  const svg = page.locator(".topo-svg");
  await expect(svg.locator(".topo-layer-nodes g.topo-node")).toHaveCount(nodes, { timeout: 30_000 });
  await expect(svg.locator(".topo-layer-pods .topo-pod")).toHaveCount(pods, { timeout: 30_000 });
}

/** The accessible layer, listed a few nodes a frame, comes to list every node and the last node's pods. */
async function expectAllListed(page: Page, app: PacketwalkApp, nodes: number): Promise<void> {
  await expect(app.items("Node ")).toHaveCount(nodes, { timeout: 30_000 });
  const name = await page.evaluate(() => {
    const view = window.__packetwalkStore!.getState().view as unknown as {
      nodes: { name: string }[];
      pods: { name: string; node?: string }[];
    };
    return view.pods.find((p) => p.node === view.nodes.at(-1)!.name)!.name;
  });
  await expect(app.items(`Pod ${name},`)).toHaveCount(1);
}

test("a big dump imports with a determinate bar, every pod drawn, and a reload brings it back", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.paste(DUMP);
  const editor = page.getByRole("region", { name: "Manifests" });

  await watchBar(page);
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  await expect(editor.getByRole("heading", { name: "Import report" })).toBeVisible({ timeout: 120_000 });
  await expect(editor.getByText(/^Imported 2,?618 objects$/)).toBeVisible();

  const bar = await page.evaluate(() => window.__bar!);
  const values = bar.filter((v): v is number => v !== null);
  for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
  for (const v of values) expect(v).toBeLessThanOrEqual(1);
  for (let i = 1; i < values.length; i++) expect(values[i]!, `${bar}`).toBeGreaterThanOrEqual(values[i - 1]!);
  expect(
    values.some((v) => v > 0),
    `${bar}`,
  ).toBe(true);
  // Indeterminate only before the worker's first report.
  expect(bar.slice(bar.indexOf(values[0]!)).every((v) => v !== null)).toBe(true);

  const nodes = await reported(page, "Node");
  const pods = await reported(page, "Pod");
  expect(pods).toBe(1600);
  await expectAllDrawn(page, nodes, pods);
  await expectAllListed(page, app, nodes);
  await expect(page.getByRole("alert").filter({ hasText: "not being saved" })).toHaveCount(0);

  // Saved: the record names the import, whose text is kept out of local storage.
  await expect
    .poll(async () => (await savedSession(page))?.current.record.journal.some((e) => e.op === "import"), {
      timeout: 60_000,
    })
    .toBe(true);
  expect(await page.evaluate(() => JSON.stringify(localStorage).length)).toBeLessThan(DUMP.length / 10);

  await page.reload();
  await expect(app.items("Service app-0")).toHaveCount(1, { timeout: 120_000 });
  await expectAllDrawn(page, nodes, pods);
  // The editor holds the dump again, as imported: offered for import, nothing unapplied.
  const reloaded = page.getByRole("region", { name: "Manifests" });
  await expect(reloaded.getByRole("button", { name: "Import cluster", exact: true })).toBeVisible();
  await expect(reloaded.getByText("Unapplied changes")).toHaveCount(0);
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.length)).toBe(DUMP.length);
  await expect(page.getByRole("alert").filter({ hasText: "not being saved" })).toHaveCount(0);
});

test("storage that refuses a big dump says so, and a reload brings back the last saved work", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // IndexedDB refuses every write, as a browser over its quota does.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.run("kubectl get svc");
  await waitSaved(page, "kubectl get svc");

  await app.paste(DUMP);
  const editor = page.getByRole("region", { name: "Manifests" });
  const refused = page.getByRole("alert").filter({
    hasText: "Your work is not being saved: the browser refused to store its 4.8 MB text",
  });
  await expect(refused).toBeVisible({ timeout: 30_000 });
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  await expect(editor.getByRole("heading", { name: "Import report" })).toBeVisible({ timeout: 120_000 });
  await expect(refused).toBeVisible();
  expect(await savedLines(page)).toEqual(["kubectl get svc"]);

  await page.reload();
  await expect(app.items("Node ").first()).toBeAttached({ timeout: 30_000 });
  await expect(app.items("Service app-0")).toHaveCount(0);
  // What was saved holds no big text: nothing to refuse.
  await expect(page.getByRole("alert").filter({ hasText: "not being saved" })).toHaveCount(0);
});
