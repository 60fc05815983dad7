/**
 * Issue 12's figures, printed: the diagram's share of the viewport, its smallest label and the
 * callout's smallest text (screen px), at a laptop's, a projector's and a phone's size, on a first
 * visit and with a packet stopped on a hop; with the seed lesson open beside the diagram, at each
 * of its steps; and the
 * phone's smallest touch target over its five tabs. `e2e/workbench.spec.ts` and
 * `e2e/phone.spec.ts` assert the thresholds; this prints the values.
 */
import { devices, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "../fixtures/app";
import { diagramFigures, touchTargets } from "../fixtures/figures";
import { LessonPlayerPage } from "../fixtures/lessons";
import { report } from "./longTasks";

const px = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} px` : "none shown");

async function figures(page: Page, name: string): Promise<void> {
  const f = await diagramFigures(page);
  const others = Object.entries(f.others)
    .map(([k, a]) => `${k} ${((a / f.diagramArea) * 100).toFixed(0)}%`)
    .join(", ");
  report(
    name,
    `diagram ${(f.share * 100).toFixed(1)}% of the viewport, smallest label ${px(f.smallestLabel)}, ` +
      `callout's smallest text ${px(f.smallestCallout)} (other panels, of the diagram's area: ${others})`,
  );
}

/** Sends one packet to the API server's Service and stops on its second hop (a DNAT, with a callout). */
async function packetOnItsWay(page: Page, lang: "en" | "ko", tap: boolean): Promise<void> {
  const form = page.getByRole("region", { name: lang === "ko" ? "패킷 보내기" : "Send a packet" });
  await form.getByRole("textbox", { name: lang === "ko" ? "목적지" : "Destination" }).fill("10.96.0.1:443");
  const send = form.getByRole("button", { name: lang === "ko" ? "패킷 보내기" : "Send packet" });
  await (tap ? send.tap() : send.click());
  await page.locator(".topo-callout").waitFor();
  // The same hop every run, whatever the machine's speed: playback paused on hop 2.
  await page.evaluate(() => {
    const store = (window as unknown as { __packetwalkStore: { getState(): PlaybackHandle } })
      .__packetwalkStore;
    store.getState().pause();
    store.getState().setHop(1);
  });
  await page.locator(".topo-callout-rewrite").waitFor();
}

interface PlaybackHandle {
  pause(): void;
  setHop(hop: number): void;
}

for (const [name, viewport] of [
  ["laptop", { width: 1366, height: 768 }],
  ["projector", { width: 1920, height: 1080 }],
] as const) {
  test.describe(`${viewport.width}×${viewport.height} (${name})`, () => {
    test.use({ viewport });

    for (const lang of ["en", "ko"] as const) {
      test(lang, async ({ page }) => {
        test.setTimeout(240_000);
        const app = new PacketwalkApp(page);
        await app.goto();
        if (lang === "ko") await app.setLanguage("ko");
        const size = `${viewport.width}×${viewport.height} ${lang}`;
        await figures(page, `${size}, first visit`);
        await packetOnItsWay(page, lang, false);
        await figures(page, `${size}, a packet on its way`);
        if (lang === "ko") return;
        const editor = page.getByRole("region", { name: "Manifests" });
        const toggle = page.getByRole("button", { name: "Manifests", exact: true });
        const wasOpen = await editor.isVisible();
        if (!wasOpen) await toggle.click();
        await figures(page, `${size}, a packet on its way, the manifests open`);
        if (!wasOpen) await toggle.click();
        const lesson = new LessonPlayerPage(page, lang);
        await lesson.openPlayer();
        await lesson.chooseSeedLesson();
        await lesson.waitForStep(1, 11);
        await figures(page, `${size}, the seed lesson open`);
        // Its later steps add Services and pods: the diagram's labels at each step.
        const steps: string[] = [];
        for (let n = 2; n <= 11; n++) {
          await lesson.player.getByRole("button", { name: lesson.text.next }).click();
          await lesson.waitForStep(n, 11);
          steps.push(`${n}: ${px((await diagramFigures(page)).smallestLabel)}`);
        }
        report(`${size}, the seed lesson's steps 2-11, smallest label`, steps.join(", "));
      });
    }
  });
}

test.describe("390×844 (phone)", () => {
  test.use({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: devices["Pixel 7"].userAgent,
  });

  test("the Diagram tab, and the smallest touch target over every tab and the menu", async ({ page }) => {
    test.setTimeout(120_000);
    const app = new PacketwalkApp(page);
    await app.goto();
    await figures(page, "390×844 en, first visit");
    await packetOnItsWay(page, "en", true);
    await figures(page, "390×844 en, a packet on its way");
    const all = [];
    for (const tab of ["Diagram", "Trace", "Terminal", "YAML", "Lesson"]) {
      await page.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: tab, exact: true }).tap();
      all.push(...(await touchTargets(page)));
    }
    await app.openMenu();
    all.push(...(await touchTargets(page)));
    all.sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height));
    report(
      "390×844, smallest touch target",
      `${Math.min(all[0]!.width, all[0]!.height).toFixed(0)} px (${all[0]!.name}) of ${all.length} controls on screen`,
    );
  });
});
