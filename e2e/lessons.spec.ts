/**
 * Every lesson, played from its first step to its last in each language, on the built site: the
 * narration in the chosen language, each step's commands in the terminal, each question answered,
 * each challenge failing first, then solved as a student would (pasting into the editor, typing in
 * the terminal, choosing kube-proxy's mode) and passed by the engine's check.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { parse } from "yaml";
import { type Lang, LessonPlayerPage } from "./fixtures/lessons";
import { scrollback } from "./fixtures/session";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

interface Text {
  en: string;
  ko: string;
}
interface Step {
  id: string;
  title: Text;
  narration: Text;
  commands?: (string | { run: string; quiet?: boolean })[];
  predict?: unknown;
  send?: unknown;
  challenge?: { hints: Text[]; solution: { commands?: string[]; manifests?: string; proxyMode?: string } };
}
interface LessonFile {
  id: string;
  title: Text;
  steps: Step[];
}

const DIR = fileURLToPath(new URL("../src/lessons", import.meta.url));
const LESSONS: LessonFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => parse(readFileSync(join(DIR, f), "utf8")) as LessonFile);

/** The first sentence's start: enough to find the narration on screen, where lines are joined. */
function opening(text: string): string {
  return text.trim().split("\n")[0]!.slice(0, 40).replace(/`/g, "");
}

/** Pastes text into the editor as a student does and presses Apply. */
async function pasteAndApply(page: Page, lesson: LessonPlayerPage, text: string): Promise<void> {
  const editor = await lesson.openEditor();
  const box = editor.getByRole("textbox", { name: lesson.text.yaml });
  await box.focus();
  await expect(editor.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  await box.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n")))
    .toBe(text);
  await editor.getByRole("button", { name: lesson.text.apply, exact: true }).click();
}

/** Types a line into the terminal and waits for it to finish. */
async function type(page: Page, lesson: LessonPlayerPage, line: string): Promise<void> {
  const input = page.getByRole("textbox", { name: lesson.text.terminalInput, exact: true });
  await input.fill(line);
  await input.press("Enter");
  await expect(input).toHaveValue("");
  await expect(input).not.toHaveAttribute("aria-busy", "true");
}

// One page per language, as a student takes the lessons one after another: the app loads once, and
// each lesson is chosen from the lesson menu while the one before it is still on screen. Choosing a
// lesson builds its own cluster from scratch, so each lesson starts from its own first step and
// nothing of the lesson before it shows (the checks on every step below say so). A lesson chosen on
// a freshly opened page is the tests after these.
for (const lang of ["en", "ko"] as Lang[]) {
  test.describe(`every lesson in turn (${lang})`, () => {
    test.describe.configure({ mode: "serial" });
    let page: Page;
    let lesson: LessonPlayerPage;
    test.beforeAll(async ({ browser }) => {
      test.setTimeout(120_000);
      page = await browser.newPage();
      lesson = new LessonPlayerPage(page, lang);
      await lesson.goto();
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    for (const file of LESSONS) {
      test(`${file.id} (${lang}): played to the end, every question answered, every challenge solved`, async () => {
        test.setTimeout(240_000);
        await lesson.chooseLesson(file.title[lang]);
        const total = file.steps.length;
        for (const [i, step] of file.steps.entries()) {
          if (i > 0) await lesson.player.getByRole("button", { name: lesson.text.next, exact: true }).click();
          await lesson.waitForStep(i + 1, total);
          await expect(lesson.stepTitle).toHaveText(step.title[lang]);
          // A step's packet starts fresh: a step that sends none shows none of an earlier step's
          // (no playback under the diagram, no callout on it).
          if (!step.send) {
            await expect(page.getByRole("toolbar", { name: lesson.text.playback, exact: true })).toHaveCount(
              0,
            );
            await expect(page.locator(".topo-callout:not([hidden])")).toHaveCount(0);
          }
          await expect(lesson.player).toContainText(opening(step.narration[lang]));
          const shown = (step.commands ?? []).filter((c) => typeof c === "string" || !c.quiet);
          const last = shown[shown.length - 1];
          if (last) await expect(lesson.terminal).toContainText(typeof last === "string" ? last : last.run);
          if (step.predict) {
            const form = lesson.player.getByRole("form", { name: lang === "en" ? "Predict" : "예상" });
            await form.getByRole("radio").first().check();
            await form.getByRole("button", { name: lesson.text.check, exact: true }).click();
            await expect(form.getByRole("status")).not.toBeEmpty();
          }
          if (step.challenge) {
            const panel = lesson.player.getByRole("region", {
              name: lang === "en" ? "Challenge" : "도전 과제",
            });
            const check = panel.getByRole("button", { name: lesson.text.checkWork, exact: true });
            await check.click();
            await expect(panel.getByRole("status")).toHaveText(lesson.text.notYet, { timeout: 30_000 });
            await panel.getByRole("button", { name: lesson.text.hint, exact: true }).click();
            await expect(panel.locator(".challenge-hints li")).toHaveCount(1);
            const { commands = [], manifests, proxyMode } = step.challenge.solution;
            for (const line of commands) await type(page, lesson, line);
            if (manifests) await pasteAndApply(page, lesson, manifests);
            if (proxyMode)
              await page.getByRole("combobox", { name: lesson.text.mode }).selectOption(proxyMode);
            await check.click();
            await expect(panel.getByRole("status")).toHaveText(lesson.text.solved, { timeout: 30_000 });
          }
        }
        await expect(
          lesson.player.getByRole("button", { name: lesson.text.next, exact: true }),
        ).toBeDisabled();
      });
    }
  });
}

test("a lesson runs in its own workspace and Back to my work restores the user's exactly", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  const mine = "apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  ports:\n    - port: 80\n";
  await pasteAndApply(page, lesson, mine);
  await type(page, lesson, "kubectl create deployment api --image=nginx --replicas=2");
  const draft = `${mine}# still editing\n`;
  const editor = page.getByRole("region", { name: "Manifests", exact: true });
  await editor.getByRole("textbox", { name: "Manifest YAML" }).focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), draft);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  // Monaco reads the clipboard asynchronously: the draft is the user's once it is on screen.
  await expect(editor.locator(".monaco-editor .view-lines")).toContainText("# still editing");
  const pods = await page.evaluate(() =>
    window
      .__packetwalkStore!.getState()
      .view!.pods.map((p) => p.name)
      .sort(),
  );
  const terminal = await scrollback(page);

  await lesson.chooseSeedLesson();
  await lesson.waitForStep(1, 11);
  const bar = page.getByRole("region", { name: "Workspace" });
  await expect(bar).toContainText("This lesson runs in a workspace of its own");
  await expect(lesson.terminal).toContainText("clusterip-service");
  await bar.getByRole("button", { name: "Back to my work" }).click();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expect(lesson.player.getByRole("heading", { level: 2 })).toHaveCount(0);
  // Read at once, while the engine may still be rebuilding the user's cluster: the draft is theirs
  // from the moment their workspace is on screen.
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"))).toBe(
    draft,
  );
  expect(await scrollback(page)).toBe(terminal);
  // The diagram shows the user's cluster once the engine has rebuilt it (a replay of their work).
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          window
            .__packetwalkStore!.getState()
            .view!.pods.map((p) => p.name)
            .sort(),
        ),
      { timeout: 30_000 },
    )
    .toEqual(pods);
});

test("leaving a lesson while its step still runs leaves nothing of the lesson in the user's work", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  const mine = "apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  ports:\n    - port: 80\n";
  await pasteAndApply(page, lesson, mine);
  await type(page, lesson, "kubectl create deployment api --image=nginx --replicas=2");
  const draft = `${mine}# still editing\n`;
  const editor = page.getByRole("region", { name: "Manifests", exact: true });
  await editor.getByRole("textbox", { name: "Manifest YAML" }).focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), draft);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(editor.locator(".monaco-editor .view-lines")).toContainText("# still editing");
  const terminal = await scrollback(page);

  // The user changes their mind as step 1 starts showing its commands (a dozen more are to come).
  await lesson.chooseSeedLesson();
  await expect(lesson.terminal).toContainText("kubectl get pods -o wide", { timeout: 30_000 });
  const bar = page.getByRole("region", { name: "Workspace" });
  await bar.getByRole("button", { name: "Back to my work" }).click();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  // No lesson step is running any more (one cut short must not finish in the user's workspace)...
  await expect
    .poll(() => page.evaluate(() => window.__packetwalkStore!.getState().lessonRunning), { timeout: 30_000 })
    .toBe(false);
  // ...and their next command runs after whatever the lesson had sent the engine before they left.
  await type(page, lesson, "kubectl get svc");
  const after = await scrollback(page);
  expect(after.startsWith(terminal)).toBe(true);
  const added = after.slice(terminal.length);
  expect(added).toContain("mine");
  for (const lessonText of ["clusterip-service", "nginx-for-svc", "testnet", "Session ended"])
    expect(added).not.toContain(lessonText);
  await lesson.openEditor();
  await expect(editor.locator(".monaco-editor .view-lines")).toContainText("# still editing");
  await expect(editor.locator(".monaco-editor .view-lines")).not.toContainText("clusterip-service");
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"))).toBe(
    draft,
  );
});

test("the lesson, its step and its terminal survive a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await lesson.chooseSeedLesson();
  await lesson.waitForStep(1, 11);
  await lesson.player.getByRole("button", { name: "Next step", exact: true }).click();
  await lesson.waitForStep(2, 11);
  await expect(lesson.terminal).toContainText("80:30007/TCP");
  await page.reload();
  await lesson.waitForStep(2, 11);
  await expect(lesson.stepTitle).toHaveText("NodePort 30007");
  await expect(lesson.terminal).toContainText("80:30007/TCP", { timeout: 30_000 });
  // The question is asked again; its answer comes from the same engine.
  await expect(lesson.player.getByRole("radiogroup")).toContainText("node instance-5");
});
