/**
 * What the diagram says about the cluster: endpoint counts in the language's plural forms, a red
 * badge on a Service with none, a not-ready pod marked, a Service's endpoints lit on hover and
 * focus, zoom and fit.
 */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webDeployment, webService } from "./fixtures/manifests";

const CLUSTER = [
  webDeployment(2),
  webService("web"),
  `apiVersion: v1
kind: Pod
metadata:
  name: solo
  labels:
    app: solo
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`,
  `apiVersion: v1
kind: Service
metadata:
  name: one
spec:
  selector:
    app: solo
  ports:
  - port: 80
`,
  `apiVersion: v1
kind: Service
metadata:
  name: nobody-home
spec:
  selector:
    app: does-not-exist
  ports:
  - port: 80
`,
].join("---\n");

test("endpoint counts in plural forms, a badge on a Service without endpoints, a not-ready pod marked", async ({
  page,
}) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(CLUSTER);
  const svc = (name: string) => page.locator(`[data-topo-id="service:default/${name}"]`);
  await expect(svc("web")).toBeAttached({ timeout: 30_000 });
  const glyph = (name: string) => page.locator(".topo-svc").filter({ hasText: name });
  await expect(glyph("one").locator(".topo-svc-count")).toHaveText("1 endpoint");
  await expect(glyph("web").locator(".topo-svc-count")).toHaveText("2 endpoints");
  await expect(glyph("nobody-home").locator(".topo-svc-count")).toHaveText("0 endpoints");
  await expect(glyph("nobody-home")).toHaveClass(/no-endpoints/);
  await expect(glyph("web")).not.toHaveClass(/no-endpoints/);
  await expect(svc("one")).toHaveAccessibleName(/, 1 endpoint$/);
  await expect(svc("nobody-home")).toHaveAccessibleName(/, 0 endpoints$/);

  // The kubelet's probe fails for solo (the engine's switch, as a lesson flips it): it leaves the rotation.
  await page.evaluate(() =>
    (
      window as unknown as {
        __packetwalkEngine: {
          call(
            f: (api: { setPodReady(ns: string, n: string, r: boolean): unknown }) => unknown,
          ): Promise<unknown>;
        };
      }
    ).__packetwalkEngine.call((api) => api.setPodReady("default", "solo", false)),
  );
  await app.run("kubectl get endpointslices");
  const solo = page.locator(".topo-pod").filter({ hasText: "solo" });
  await expect(solo).toHaveClass(/not-ready/);
  await expect(solo.locator(".topo-pod-ip")).toHaveText("⚠ not ready");
  await expect(page.locator('[data-topo-id="pod:default/solo"]')).toHaveAccessibleName(/not ready/);

  await app.setLanguage("ko");
  await expect(glyph("one").locator(".topo-svc-count")).toHaveText("엔드포인트 1개");
  await expect(glyph("web").locator(".topo-svc-count")).toHaveText("엔드포인트 2개");
  await expect(solo.locator(".topo-pod-ip")).toHaveText("⚠ 준비 안 됨");
});

test("a Service under the pointer or in focus lights its lines and rings its endpoints", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(CLUSTER);
  await expect(page.locator('[data-topo-id="service:default/web"]')).toBeAttached({ timeout: 30_000 });
  const web = page.locator(".topo-svc").filter({ hasText: "web" });
  const lit = page.locator(".topo-edge.ready.lit");
  const rung = page.locator(".topo-pod.endpoint");
  await web.hover();
  await expect(lit).toHaveCount(1);
  await expect(lit.first()).toHaveAttribute("data-service", "default/web");
  await expect(rung).toHaveCount(2);
  await expect(rung.filter({ hasText: "web-" })).toHaveCount(2);
  await expect(page.locator(".topo-world")).toHaveClass(/has-lit/);
  await page.mouse.move(1, 1);
  await expect(lit).toHaveCount(0);
  await expect(rung).toHaveCount(0);

  // The keyboard's way in: the accessible layer's button for the Service.
  await page.locator('[data-topo-id="service:default/one"]').focus();
  await expect(lit).toHaveCount(1);
  await expect(lit.first()).toHaveAttribute("data-service", "default/one");
  await expect(rung.filter({ hasText: "solo" })).toHaveCount(1);
});

test("zoom in, zoom out and fit to view", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const zoom = () =>
    page.evaluate(() => document.querySelector<SVGGElement>(".topo-world")!.getCTM()!.a.toFixed(3));
  const fitted = await zoom();
  const controls = page.getByRole("toolbar", { name: "Diagram view" });
  await controls.getByRole("button", { name: "Zoom in" }).click();
  expect(Number(await zoom())).toBeCloseTo(Number(fitted) * 1.25, 2);
  await controls.getByRole("button", { name: "Zoom out" }).click();
  await controls.getByRole("button", { name: "Zoom out" }).click();
  expect(Number(await zoom())).toBeCloseTo(Number(fitted) / 1.25, 2);
  await controls.getByRole("button", { name: "Fit to view" }).click();
  await expect.poll(zoom).toBe(fitted);
});

test("the wheel zooms about the pointer, a drag pans, a click on a Service still selects it", async ({
  page,
}) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const world = () =>
    page.evaluate(() => {
      const m = document.querySelector<SVGGElement>(".topo-world")!.getCTM()!;
      return { k: m.a, x: m.e, y: m.f };
    });
  const glyph = page.locator(".topo-svc").filter({ hasText: "kubernetes" });
  const button = page.locator('[data-topo-id="service:default/kubernetes"]');
  const box = (await glyph.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  // A click on the Service selects it (its button in the accessible layer takes the focus).
  await page.mouse.click(at.x, at.y);
  await expect(button).toBeFocused();
  await page.locator("body").focus();

  // The wheel zooms in about the pointer: what is under it stays under it.
  const before = await world();
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await world()).k).toBeGreaterThan(before.k * 1.2);
  const after = (await glyph.boundingBox())!;
  expect(after.x + after.width / 2).toBeCloseTo(at.x, 0);
  expect(after.y + after.height / 2).toBeCloseTo(at.y, 0);

  // A drag that starts on the Service pans the diagram and does not select it.
  const zoomed = await world();
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 60, at.y + 30, { steps: 6 });
  await page.mouse.up();
  const panned = await world();
  expect(panned.k).toBeCloseTo(zoomed.k, 5);
  expect(panned.x - zoomed.x).toBeCloseTo(60, 0);
  expect(panned.y - zoomed.y).toBeCloseTo(30, 0);
  await expect(button).not.toBeFocused();
});
