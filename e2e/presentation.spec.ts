import { expect, test } from "@playwright/test";
import { LessonPlayerPage } from "./fixtures/lessons";

// Presentation mode by keyboard alone: open it, walk the seed lesson with →, play with Space, leave with Esc.

test("presentation mode works from the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  const lesson = new LessonPlayerPage(page, "en");
  await lesson.goto();

  const open = page.getByRole("button", { name: "Presentation mode", exact: true });
  await expect(open).toBeEnabled();
  await open.focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "Presentation mode" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  // The seed lesson, since none was chosen; its first step's commands and output on screen.
  await expect(dialog.getByText("Step 1 of 11", { exact: true })).toBeVisible({ timeout: 30_000 });
  const output = dialog.getByRole("region", { name: "Commands and output" });
  await expect(output).toContainText(/clusterip-service\s+ClusterIP/);
  await expect(dialog.getByRole("region", { name: "Topology" })).toBeVisible();
  // Large type for the back of the room.
  const narrationSize = await dialog
    .locator(".present-narration p")
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(narrationSize).toBeGreaterThanOrEqual(28);

  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByText("Step 2 of 11", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(output).toContainText("80:30007/TCP");
  await expect(output).not.toContainText("Welcome to nginx!");

  await page.keyboard.press("PageDown");
  await expect(dialog.getByText("Step 3 of 11", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(output).toContainText("google.com");

  await page.keyboard.press("ArrowLeft");
  await expect(dialog.getByText("Step 2 of 11", { exact: true })).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  // Back on the workbench, still at the step the presenter left.
  await expect(
    page.getByRole("region", { name: "Lesson" }).getByText("Step 2 of 11", { exact: true }),
  ).toBeVisible();
});

test("presentation mode switches theme and language names", async ({ page }) => {
  const lesson = new LessonPlayerPage(page, "ko");
  await lesson.goto();
  await page.getByRole("button", { name: "발표 모드", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "발표 모드" });
  await expect(dialog.getByText("11단계 중 1단계", { exact: true })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole("combobox", { name: "테마" }).selectOption("contrast");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "contrast");
  await expect(dialog.getByRole("button", { name: "다음 단계", exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "발표 끝내기" }).click();
  await expect(dialog).toBeHidden();
});
