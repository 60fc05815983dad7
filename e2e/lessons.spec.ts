import { expect, test } from "@playwright/test";
import { type Lang, LessonPlayerPage } from "./fixtures/lessons";

// The seed lesson, played from its first step to its last in each language, on the built site:
// narration in the chosen language, each step's commands run in the terminal with their output.

const NARRATION = {
  en: { first: "A ClusterIP Service gets a virtual IP", headless: "Use it when you need no load balancing" },
  ko: {
    first: "ClusterIP 서비스는 클러스터 안에서만 닿는 가상 IP",
    headless: "LB가 필요 없거나 단일 Service IP가 필요 없을 때 사용한다.",
  },
} as const;

const STEPS = 11;

for (const lang of ["en", "ko"] as Lang[]) {
  test(`plays the seed lesson from first to last step (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = new LessonPlayerPage(page, lang);
    await lesson.goto();
    // Lessons load when asked for: until then the player says nothing is loading.
    await expect(lesson.player).not.toContainText(/Loading lessons|수업을 불러오는 중/);
    await lesson.chooseSeedLesson();
    await lesson.waitForStep(1, STEPS);

    await expect(lesson.player).toContainText(NARRATION[lang].first);
    await expect(lesson.terminal).toContainText("kubectl get svc");
    await expect(lesson.terminal).toContainText(/clusterip-service\s+ClusterIP\s+10\./);
    await expect(lesson.terminal).toContainText("Welcome to nginx!");
    // The step points the diagram at its Service.
    await expect(page.locator(".topo-svc.pointed")).toHaveCount(1);
    await expect(page.locator(".topo-svc.pointed")).toContainText("clusterip");

    // Predict, then observe: the choices come from the engine; Check reveals what it did.
    const choices = lesson.player.getByRole("radio");
    await expect(choices.first()).toBeVisible();
    await choices.first().check();
    await lesson.player.getByRole("button", { name: lesson.text.check, exact: true }).click();
    await expect(lesson.player.getByRole("status").filter({ hasText: /\S/ })).toBeVisible();

    const titles: (string | null)[] = [await lesson.stepTitle.textContent()];
    for (let n = 2; n <= STEPS; n++) {
      await lesson.player.getByRole("button", { name: lesson.text.next, exact: true }).click();
      await lesson.waitForStep(n, STEPS);
      titles.push(await lesson.stepTitle.textContent());
      if (n === 2) {
        await expect(lesson.terminal).toContainText(/my-service\s+NodePort\s+\S+\s+<none>\s+80:30007\/TCP/);
        await expect(page.locator(".topo-node.pointed")).toContainText("kind-worker");
        await expect(page.locator(".topo-svc.pointed")).toContainText("my-service");
      }
      if (n === 3) await expect(lesson.terminal).toContainText(/IN\s+CNAME\s+google\.com\./);
      if (n === 4) {
        await expect(lesson.player).toContainText(NARRATION[lang].headless);
        await expect(lesson.terminal).toContainText(
          /headless-svc\.default\.svc\.cluster\.local\.\s+\d+\s+IN\s+A\s+10\./,
        );
      }
      if (n === 5) await expect(lesson.terminal).toContainText("IP Virtual Server version");
    }
    expect(new Set(titles).size).toBe(STEPS);
    await expect(lesson.player.getByRole("button", { name: lesson.text.next, exact: true })).toBeDisabled();

    // Back one step: the cluster is rebuilt and replayed up to it, and the step runs again.
    await lesson.player.getByRole("button", { name: lesson.text.previous, exact: true }).click();
    await lesson.waitForStep(STEPS - 1, STEPS);
    await expect(lesson.terminal).toContainText("ipvsadm -Ln");
    await expect(lesson.terminal).not.toContainText("kubectl describe service clusterip-service");
  });
}

test("the lesson and its step survive a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();
  await lesson.chooseSeedLesson();
  await lesson.waitForStep(1, STEPS);
  await lesson.player.getByRole("button", { name: "Next step", exact: true }).click();
  await lesson.waitForStep(2, STEPS);
  await page.reload();
  await lesson.waitForStep(2, STEPS);
  await expect(lesson.stepTitle).toHaveText("NodePort 30007");
  await expect(lesson.terminal).toContainText("80:30007/TCP", { timeout: 30_000 });
});
