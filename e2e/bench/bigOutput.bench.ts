/**
 * The main thread while the terminal takes a huge output: `kubectl get pods -o yaml` over 4,998
 * pods (the cluster's limit of 5,000, with CoreDNS). The scrollback keeps the newest MAX_SCROLLBACK_CHARS and lays long output out in blocks
 * only when they are on screen.
 */
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "../fixtures/app";
import { webDeployment } from "../fixtures/manifests";
import { longTasksBetween, now, report, settle, watchMainThread } from "./longTasks";

/** Web pods: with CoreDNS's two, the 5,000 pods the simulated cluster may hold (engine/api/limits.ts). */
const PODS = 4998;

/** Layout passes timed: the minimum is the cost itself, the rest is other work on the shared machine. */
const LAYOUT_SAMPLES = 31;

test.use({ trace: "off" });

/**
 * What one more terminal line costs the page's layout (a line appended, layout forced), and the
 * elements the page holds: the diagram's share of every frame in which anything changes.
 */
async function layoutCost(page: Page) {
  return page.evaluate((samples) => {
    const log = document.querySelector(".terminal-log")!;
    let ms = Number.POSITIVE_INFINITY;
    for (let i = 0; i < samples; i++) {
      const line = document.createElement("pre");
      line.textContent = `line ${i}`;
      const start = performance.now();
      log.appendChild(line);
      void document.body.offsetHeight;
      ms = Math.min(ms, performance.now() - start);
      line.remove();
      void document.body.offsetHeight;
    }
    const count = (selector: string) => document.querySelectorAll(selector).length;
    return {
      ms,
      all: count("*"),
      diagram: count(".topo-svg *"),
      a11y: count(".topo-a11y *"),
    };
  }, LAYOUT_SAMPLES);
}

test("kubectl get pods -o yaml over 4,998 pods", async ({ page }) => {
  test.setTimeout(600_000);
  await watchMainThread(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  await page.evaluate((text) => window.__packetwalkStore!.getState().setText(text), webDeployment(PODS));
  await page.locator(".editor-panel button", { hasText: "Apply" }).first().click();
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            window.__packetwalkStore!.getState().view?.pods.filter((p) => p.name.startsWith("web-")).length ??
            0,
        ),
      {
        timeout: 300_000,
      },
    )
    .toBe(PODS);
  await settle(page, 5000);
  const before = await layoutCost(page);
  report(
    `document layout after a terminal line at ${PODS} pods`,
    `${before.ms.toFixed(1)} ms (min of ${LAYOUT_SAMPLES}); ${before.all} elements in the page, ` +
      `${before.diagram} in the diagram, ${before.a11y} in its accessible layer`,
  );

  const input = page.locator("#terminal-input");
  await input.fill("kubectl get pods -o yaml");
  const start = await now(page);
  await input.press("Enter");
  // Done when the terminal is idle again with something after the command (its output, or an
  // error if the engine gave up on it: the figure then says so).
  await page.waitForFunction(
    () => {
      const s = window.__packetwalkStore!.getState();
      return !s.busy && s.lines.at(-1)?.kind !== "input";
    },
    null,
    { timeout: 300_000, polling: 250 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const end = await now(page);
  await settle(page, 2000);
  const kept = await page.evaluate(() => {
    const s = window.__packetwalkStore!.getState() as {
      lines: { kind: string; text: string; cut?: number }[];
    };
    return {
      last: s.lines.at(-1)?.kind ?? "",
      chars: s.lines.reduce((n, l) => n + l.text.length, 0),
      cut: s.lines.find((l) => l.kind === "cut")?.cut ?? 0,
      dom: document.querySelector(".terminal-log")?.textContent?.length ?? 0,
    };
  });
  report(
    `kubectl get pods -o yaml over ${PODS} pods`,
    `${(end - start).toFixed(0)} ms to the screen; ${await longTasksBetween(page, start, end)}; ` +
      `scrollback ${kept.chars} chars (${kept.cut} cut), ${kept.dom} chars in the DOM` +
      (kept.last === "output" ? "" : ` (the command ended with ${kept.last})`),
  );
});
