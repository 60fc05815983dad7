import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webDeployment, webService } from "./fixtures/manifests";

interface AttributedLongTask {
  start: number;
  duration: number;
  /** The frame the task ran in ("window" for the page itself, "iframe" for a child frame...). */
  container: string;
}

declare global {
  interface Window {
    /** Every main-thread task over 50 ms, with the frame it ran in. */
    __mainLongTasks?: AttributedLongTask[];
  }
}

const SERVICES = 10_000;

/** A Deployment of two pods and `SERVICES` ClusterIP Services selecting them. */
function manyServices(): string {
  const services = Array.from({ length: SERVICES }, (_, i) => webService(`svc-${i}`));
  return [webDeployment(2), ...services].join("---\n");
}

/** Waits until no long task has ended for `quietMs`: the page has settled. */
async function settle(page: Page, quietMs = 2000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const last = window.__mainLongTasks!.at(-1);
      return !last || performance.now() - (last.start + last.duration) > quiet;
    },
    quietMs,
    { timeout: 90_000, polling: 250 },
  );
}

// Playwright's trace snapshots the whole DOM on the page's main thread at every action: off here.
test.use({ trace: "off" });

test.beforeEach(async ({ page }) => {
  // Installed before any page script: every main-thread task over 50 ms, from the first one.
  await page.addInitScript(() => {
    window.__mainLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEntry[]) {
        const attribution = (e as PerformanceEntry & { attribution?: { containerType?: string }[] })
          .attribution;
        window.__mainLongTasks!.push({
          start: e.startTime,
          duration: e.duration,
          container: attribution?.[0]?.containerType ?? "",
        });
      }
    }).observe({ type: "longtask", buffered: true });
  });
});

test("the engine applies 10,000 Services without a long main-thread task", async ({ page }) => {
  test.setTimeout(300_000);
  await new PacketwalkApp(page).goto();
  const editor = page.getByRole("region", { name: "Manifests" });
  await expect(editor.getByRole("textbox", { name: "Manifest YAML" })).toBeAttached({ timeout: 60_000 });

  // The text goes in before the measured window: Monaco taking a big model is editing, not the engine.
  const yaml = manyServices();
  await page.evaluate((text) => window.__packetwalkStore!.getState().setText(text), yaml);
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().text.length), { timeout: 60_000 })
    .toBeGreaterThan(yaml.length - 1);
  // Monaco's YAML worker answers for the big text (folding ranges, diagnostics) arrive seconds
  // later and cost Monaco a long task of its own: editing, not the engine. Let them land first.
  await expect(editor.locator(".margin-view-overlays .codicon-folding-expanded").first()).toBeAttached({
    timeout: 120_000,
  });
  await settle(page, 5000);

  const start = await page.evaluate(() => performance.now());
  await editor.getByRole("button", { name: "Apply", exact: true }).click();

  // Apply is done when the store records it; then kubectl counts them (10,000 and `kubernetes`).
  // Inside the window the test queries by CSS: role queries walk the page's accessibility tree on
  // the main thread, which would be the test's long task, not the app's.
  await page.waitForFunction(
    () => {
      const s = window.__packetwalkStore!.getState() as { text: string; appliedText?: string };
      return s.appliedText === s.text;
    },
    null,
    { timeout: 240_000, polling: 500 },
  );
  const terminal = page.locator('input[aria-label="Terminal"]');
  await terminal.fill("kubectl get svc --no-headers | wc -l");
  await terminal.press("Enter");
  await expect(page.locator(".terminal-log pre").last()).toHaveText(String(SERVICES + 1), {
    timeout: 60_000,
  });
  // The view that follows the command lands too (topology, its accessible layer, the forms).
  await expect(page.locator('[data-topo-id="service:default/svc-0"]')).toBeAttached({ timeout: 60_000 });
  await settle(page, 1000);
  const end = await page.evaluate(() => performance.now());

  const tasks = await page.evaluate(
    ([from, to]) => window.__mainLongTasks!.filter((t) => t.start >= from! && t.start <= to!),
    [start, end],
  );
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  console.log(
    `apply of ${SERVICES} Services: ${(end - start).toFixed(0)} ms; long tasks on the main thread: ` +
      `${tasks.length} (longest ${longest.toFixed(0)} ms) ${JSON.stringify(tasks.map((t) => [Math.round(t.duration), t.container]))}`,
  );
  expect(tasks, "main-thread tasks over 50 ms while the engine applies 10,000 Services").toEqual([]);
});
