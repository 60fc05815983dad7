/**
 * A crashed or hung engine worker is replaced, the cluster restored from the
 * manifests applied so far, and the user told so.
 */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: survivor
spec:
  selector:
    app: survivor
  ports:
    - port: 80
`;

interface EngineHandle {
  api: { crash(how: "throw" | "hang"): Promise<void> };
}

for (const how of ["throw", "hang"] as const) {
  test(`a worker that ${how === "throw" ? "crashes" : "hangs"} is replaced and the cluster restored`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // The page's clock is Playwright's: the hang is noticed when the engine's call has had its
    // time, which the test fast-forwards rather than waits out.
    if (how === "hang") await page.clock.install();
    const app = new PacketwalkApp(page);
    await app.goto();
    await app.applyManifest(SERVICE);
    await expect(app.items("Service survivor")).toBeAttached({ timeout: 30_000 });
    await page.evaluate((h) => {
      const engine = (window as unknown as { __packetwalkEngine: EngineHandle }).__packetwalkEngine;
      void engine.api.crash(h).catch(() => undefined);
    }, how);
    // A hung worker is only noticed by the next call that gets no answer.
    if (how === "hang") {
      const input = page.getByRole("textbox", { name: "Terminal" });
      void app.run("kubectl get svc").catch(() => undefined);
      await expect(input).toHaveAttribute("aria-busy", "true");
      await page.clock.fastForward("00:16");
    }
    await expect(page.getByRole("alert").filter({ hasText: /restarted/ })).toBeVisible({ timeout: 45_000 });
    await expect
      .poll(async () => app.run("kubectl get svc survivor --no-headers"), { timeout: 30_000 })
      .toMatch(/^survivor\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP/);
  });
}
