/**
 * The Korean UI: every string the app itself writes (labels, buttons, tabs, menus, status, the
 * diagram's words) is Korean, none of the English catalogue is left on screen, and Korean text
 * breaks between words. What the engine writes (a hop's stage and notes, kubectl's output) is
 * the engine's and is not checked here.
 */
import { expect, type Page, test } from "@playwright/test";
import { TRACE_MESSAGES } from "../src/engine/net/messages";
import { en } from "../src/ui/i18n/en";
import { ko } from "../src/ui/i18n/ko";
import { STAGES_KO, TRACE_KO } from "../src/ui/i18n/traceKo";
import { PacketwalkApp } from "./fixtures/app";

/** English catalogue strings that read differently in Korean (so seeing one means it was not translated). */
const ENGLISH = new Set(
  (Object.keys(en) as (keyof typeof en)[]).flatMap((key) => {
    const forms = (m: unknown) => (typeof m === "string" ? [m] : Object.values(m as Record<string, string>));
    const english = forms(en[key]).filter((s) => !s.includes("{") && s.length > 2);
    const korean = new Set(forms(ko[key]));
    return english.filter((s) => !korean.has(s));
  }),
);

/** Containers of what the engine and the user wrote: names, rules, output, manifests. */
const NOT_OURS =
  ".monaco-editor, .editor-plain, .terminal-log, .trace-hops, .trace-message, .topo-callout, .lesson-step, .example-picker option";

/** Every English catalogue string on the page: text, accessible labels, titles, placeholders. */
function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ english, notOurs }) => {
      const words = new Set(english);
      const found = new Set<string>();
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        if (el.closest(notOurs)) continue;
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent?.trim() ?? "");
        for (const s of [
          ...own,
          el.getAttribute("aria-label"),
          el.getAttribute("title"),
          el.getAttribute("placeholder"),
        ])
          if (s && words.has(s.trim())) found.add(s.trim());
      }
      return [...found];
    },
    { english: [...ENGLISH], notOurs: NOT_OURS },
  );
}

test("the Korean UI: no English left in what the app writes, and words kept whole", async ({ page }) => {
  test.setTimeout(90_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  // The check finds the English UI when it is there.
  expect((await englishLeft(page)).length).toBeGreaterThan(10);
  await app.setLanguage("ko");
  // Everything on screen at once: a packet on its way, the trace beside the diagram, the chart's tab.
  const form = page.getByRole("region", { name: "패킷 보내기" });
  await form.getByRole("textbox", { name: "목적지" }).fill("10.96.0.1:443");
  await form.getByRole("button", { name: "패킷 보내기" }).click();
  await expect(page.locator(".topo-callout")).toBeVisible();
  await page.getByRole("button", { name: "트레이스 보기" }).click();
  await expect(page.getByRole("region", { name: "트레이스" })).toBeVisible();
  await expect(page.getByRole("button", { name: "매니페스트", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "발표 모드" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "터미널" })).toBeVisible();
  await expect(page.locator(".topo-outside")).toContainText("클러스터 외부");
  await expect(page.locator(".topo-svc").filter({ hasText: "kubernetes" })).toContainText("엔드포인트 1개");
  await expect(page.locator(".topo-node").first()).toContainText(/규칙 \d+개/);
  expect(await englishLeft(page)).toEqual([]);

  await page.getByRole("tab", { name: "조회 비용" }).click();
  await expect(page.getByRole("button", { name: "실험 실행" })).toBeVisible();
  await app.openMenu();
  await expect(page.getByRole("group", { name: "테마" })).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.keyboard.press("Escape");

  // Korean breaks between words (레코드, never 레코/드), in the lesson's narration as everywhere.
  expect(await page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe("keep-all");

  // The phone's tabs and header, in Korean too.
  await page.setViewportSize({ width: 390, height: 844 });
  const tabs = page.getByRole("tablist", { name: "보기" }).getByRole("tab");
  await expect(tabs.locator(".tab-label")).toHaveText(["다이어그램", "트레이스", "터미널", "YAML", "수업"]);
  expect(await englishLeft(page)).toEqual([]);
});

const forms = (m: unknown): string[] =>
  typeof m === "string" ? [m] : Object.values(m as Record<string, string>);

/**
 * The engine's English trace words that Korean writes otherwise: each template's text between its
 * values, two words or more (a rule, an address or a tool's notation is no sentence).
 */
const TRACE_ENGLISH = (() => {
  const korean = Object.values(TRACE_KO).flatMap(forms).join("\n");
  const pieces = Object.values(TRACE_MESSAGES)
    .flatMap(forms)
    .flatMap((template) => template.split(/\{\w+\}/))
    .map((piece) => piece.replace(/^[\s(),:;.→–-]+|[\s(),:;.→–-]+$/g, ""))
    .filter((piece) => /[a-z]{2,}\W+[a-z]{2,}/i.test(piece) && !korean.includes(piece));
  return [...new Set(pieces)];
})();

/** A plain stage's English name where Korean has its own. */
const STAGE_ENGLISH = Object.entries(STAGES_KO)
  .filter(([english, korean]) => english !== korean)
  .map(([english]) => english);

/** English in the callout, the trace's hops and the open hop's inspector: the engine's words or the app's. */
function englishInTrace(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ trace, stages, ui }) => {
      const found = new Set<string>();
      const uiWords = new Set(ui);
      for (const box of document.querySelectorAll<HTMLElement>(".topo-callout:not([hidden]), .trace-hops")) {
        const text = box.textContent ?? "";
        for (const piece of trace) if (text.includes(piece)) found.add(piece);
        for (const stage of box.querySelectorAll(".topo-callout-head strong, .hop-stage"))
          if (stages.includes(stage.textContent?.trim() ?? "")) found.add(stage.textContent!.trim());
        for (const el of [box, ...box.querySelectorAll<HTMLElement>("*")]) {
          const own = [...el.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent?.trim() ?? "");
          for (const s of [...own, el.getAttribute("aria-label"), el.getAttribute("title")])
            if (s && uiWords.has(s.trim())) found.add(s.trim());
        }
      }
      return [...found];
    },
    { trace: TRACE_ENGLISH, stages: STAGE_ENGLISH, ui: [...ENGLISH] },
  );
}

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx
      ports:
        - containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: shell
      image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
    - name: alt
      port: 8080
`;

test("the Korean UI: a packet's callout, hops and inspector carry no English", async ({ page }) => {
  // Every hop of three packets opened and read: ~20 s alone, 80 s at load 20 (a hang guard, not a budget).
  test.setTimeout(300_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.pasteAndApply(WEB);
  await expect(app.items("Pod client")).toHaveCount(1, { timeout: 30_000 });
  await expect(app.items("Service web")).toHaveCount(1);
  await app.setLanguage("ko");
  const form = page.getByRole("region", { name: "패킷 보내기" });
  const trace = page.getByRole("region", { name: "트레이스" });
  // By name (the DNS lookup's hops, the ClusterIP's DNAT, nginx answering), to a port nothing
  // listens on (the RST), and out of the cluster.
  for (const destination of ["web", "web:8080", "1.2.3.4"]) {
    const select = form.getByRole("combobox", { name: "출발지" });
    const client = (await select.locator("option").allTextContents()).find((l) => l.includes("client"))!;
    await select.selectOption({ label: client });
    await form.getByRole("textbox", { name: "목적지" }).fill(destination);
    await form.getByRole("button", { name: "패킷 보내기" }).click();
    await expect(page.locator(".topo-callout")).toBeVisible();
    if (!(await trace.isVisible())) await page.getByRole("button", { name: "트레이스 보기" }).click();
    await expect(trace.locator(".trace-hops > li").first()).toBeVisible();
    for (const unfold of await trace.locator(".hop-unfold").all()) await unfold.click();
    await expect(trace.locator(".hop-unfold")).toHaveCount(0);
    // Every hop opened in turn: its row with the inspector, and the diagram's callout at it.
    const hops = trace.locator(".trace-hops > li");
    const count = await hops.count();
    expect(count, destination).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      await hops.nth(i).locator(".hop-select").click();
      await expect(hops.nth(i)).toHaveAttribute("aria-current", "step");
      await expect(page.locator(".topo-callout .topo-callout-index")).toHaveText(String(i + 1));
      expect(await englishInTrace(page), `${destination}, hop ${i + 1}`).toEqual([]);
    }
  }
  // The check finds the engine's English when it is there.
  await app.setLanguage("en");
  expect((await englishInTrace(page)).length).toBeGreaterThan(0);
});
