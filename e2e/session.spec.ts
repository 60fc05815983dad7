/**
 * Nothing the user made is lost: one session record, saved in the browser,
 * replayed after a worker restart and a reload; shared links and lessons in
 * workspaces of their own; full storage and a second tab reported.
 */
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webManifest } from "./fixtures/manifests";
import { savedLines, scrollback, shareLinkFor, waitSaved } from "./fixtures/session";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: mine
spec:
  selector:
    app: mine
  ports:
    - port: 80
`;

interface EngineHandle {
  api: { crash(how: "throw" | "hang"): Promise<void> };
}

test("terminal changes survive a worker restart: the same pods, names, labels and replicas", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.run("kubectl create deployment api --image=nginx --replicas=2");
  await app.run("kubectl label deployment api tier=backend");
  await app.run("kubectl scale deployment api --replicas=3");
  await app.run("kubectl expose deployment api --port 8080 --target-port 80");
  const before = await app.run("kubectl get deploy,pods,svc -o wide --show-labels");
  expect(before).toMatch(/^pod\/api-[a-z0-9]+-[a-z0-9]{5}\s/m);
  expect(before).toContain("tier=backend");
  await page.evaluate(() => {
    const engine = (window as unknown as { __packetwalkEngine: EngineHandle }).__packetwalkEngine;
    void engine.api.crash("throw").catch(() => undefined);
  });
  await expect(page.getByRole("alert").filter({ hasText: /restarted; your work was rebuilt/ })).toBeVisible({
    timeout: 45_000,
  });
  expect(await app.run("kubectl get deploy,pods,svc -o wide --show-labels")).toBe(before);
});

test("a reload keeps the terminal's scrollback, the packet and where its playback stood", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.pasteAndApply(webManifest(3));
  await expect(app.items("Pod web-")).toHaveCount(3);
  await app.run("kubectl scale deployment web --replicas=2");
  await app.run("sleep 60");
  const pods = await app.run("kubectl get pods -o wide");
  await expect(app.items("Pod web-")).toHaveCount(2);
  await app.sendPacket("", "web");
  const playback = page.getByRole("toolbar", { name: "Playback" });
  await playback.getByRole("button", { name: "Pause" }).click();
  await playback.getByRole("button", { name: "Step back" }).click({ clickCount: 1 });
  const trace = await app.openTrace();
  const hops = trace.getByRole("listitem");
  const total = await hops.count();
  // Step to the fourth hop.
  for (let i = 0; i < 10; i++) await playback.getByRole("button", { name: "Step back" }).click();
  for (let i = 0; i < 3; i++) await playback.getByRole("button", { name: "Step forward" }).click();
  await expect(playback.getByText(`4 / ${total}`)).toBeVisible();
  const verdict = await trace.locator(".verdict").textContent();
  await waitSaved(page, "kubectl get pods -o wide");

  await page.reload();
  await expect(app.items("Pod web-")).toHaveCount(2, { timeout: 30_000 });
  expect(await scrollback(page)).toContain(pods.trim());
  await expect(playback.getByText(`4 / ${total}`)).toBeVisible();
  await app.openTrace();
  await expect(trace.locator(".verdict")).toHaveText(verdict ?? "");
  await expect(hops.nth(3)).toHaveAttribute("aria-current", "step");
  // The cluster after the reload is the one before it: the next command sees the same pods.
  expect(await app.run("kubectl get pods -o wide")).toBe(pods);
});

test("a hostile share link is refused with its reason; the user's work and later visits are untouched", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.pasteAndApply(SERVICE);
  await expect(app.items("Service mine")).toHaveCount(1);
  await app.run("kubectl create deployment mine --image=nginx");
  await waitSaved(page, "kubectl create deployment mine --image=nginx");
  const before = await app.run("kubectl get all");

  // A well-formed link whose scenario holds an ill-typed object.
  const hostile = await shareLinkFor(page, {
    v: 2,
    seed: 1,
    journal: [
      {
        op: "apply",
        files: [
          {
            name: "evil.yaml",
            text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: evil\nspec:\n  ports: 80\n",
          },
        ],
      },
    ],
  });
  await page.goto(hostile);
  await expect(page.getByRole("alert").filter({ hasText: "This share link was not opened" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("region", { name: "Workspace" })).toHaveCount(0);
  await expect(app.items("Service mine")).toHaveCount(1);
  await expect(app.items("Service evil")).toHaveCount(0);
  expect(await app.run("kubectl get all")).toBe(before.replace(/\d+s\b/g, (m) => m));

  // A link whose fields are not a record's.
  await page.goto(
    await shareLinkFor(page, {
      v: 2,
      seed: 1,
      journal: [{ op: "mode", mode: "<img src=x onerror=alert(1)>" }],
    }),
  );
  await expect(
    page.getByRole("alert").filter({ hasText: "journal[0].mode: expected one of iptables, ipvs, nftables" }),
  ).toBeVisible({ timeout: 30_000 });
  expect(await page.locator("img[src=x]").count()).toBe(0);

  // Later visits boot the user's own work.
  await page.goto("./");
  await expect(app.items("Service mine")).toHaveCount(1, { timeout: 30_000 });
  expect(await app.run("kubectl get deploy mine --no-headers")).toMatch(/^mine\s+1\/1/);
});

test("a share link opens in its own workspace; Back to my work restores the user's exactly", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.pasteAndApply(SERVICE);
  await expect(app.items("Service mine")).toHaveCount(1);
  await app.run("kubectl run client --image nicolaka/netshoot -- sleep infinity");
  const draft = `${SERVICE}# a draft, not applied\n`;
  await app.paste(draft);
  const terminalBefore = await scrollback(page);

  const link = await shareLinkFor(page, {
    v: 2,
    seed: 3,
    journal: [
      { op: "apply", files: [{ name: "manifests.yaml", text: webManifest(2) }] },
      { op: "mode", mode: "nftables" },
    ],
  });
  await page.goto(link);
  await expect(app.items("Pod web-")).toHaveCount(2, { timeout: 30_000 });
  const bar = page.getByRole("region", { name: "Workspace" });
  await expect(bar).toContainText("This shared scenario runs in a workspace of its own");
  await expect(page.getByRole("combobox", { name: "Proxy mode" })).toHaveValue("nftables");
  await expect(app.items("Service mine")).toHaveCount(0);

  await bar.getByRole("button", { name: "Back to my work" }).click();
  await expect(app.items("Service mine")).toHaveCount(1, { timeout: 30_000 });
  await expect(bar).toHaveCount(0);
  await expect(app.items("Pod web-")).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Proxy mode" })).toHaveValue("iptables");
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"))).toBe(
    draft,
  );
  expect(await scrollback(page)).toBe(terminalBefore);
  expect(await app.run("kubectl get pod client --no-headers")).toMatch(/^client\s+1\/1\s+Running/);
});

test("full storage is reported; the last good save stays whole and a draft is never saved as applied", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.pasteAndApply(SERVICE);
  await expect(app.items("Service mine")).toHaveCount(1);
  await app.run("kubectl get svc mine");
  await waitSaved(page, "kubectl get svc mine");
  // Fill the origin's storage to the brim.
  await page.evaluate(() => {
    // To the last character: chunks from 256 KB down to one.
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const chunk = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, chunk);
        } catch {
          break;
        }
      }
    }
  });
  const other = SERVICE.replace(/mine/g, "other");
  await app.pasteAndApply(other);
  await expect(app.items("Service other")).toHaveCount(1);
  await app.paste(`${other}# a draft\n`);
  await expect(page.getByRole("alert").filter({ hasText: "the browser's storage is full" })).toBeVisible({
    timeout: 15_000,
  });
  expect(await savedLines(page)).toEqual(["kubectl get svc mine"]);

  await page.reload();
  await expect(app.items("Service mine")).toHaveCount(1, { timeout: 30_000 });
  await expect(app.items("Service other")).toHaveCount(0);
  const editor = page.getByRole("region", { name: "Manifests" });
  await expect(editor.getByRole("status")).toHaveText("Applied");
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"))).toBe(
    SERVICE,
  );
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("filler-")) localStorage.removeItem(k);
  });
});

test("disabled storage is reported and the app still works", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const app = new PacketwalkApp(page);
  await app.goto();
  await expect(
    page.getByRole("alert").filter({ hasText: "the browser's storage is disabled" }),
  ).toBeVisible();
  expect(await app.run("kubectl get nodes --no-headers")).toMatch(/Ready/);
});

test("two tabs: the second notices the first's save, never overwrites it silently, and can load it", async ({
  context,
}) => {
  test.setTimeout(120_000);
  const a = new PacketwalkApp(await context.newPage());
  await a.goto();
  await a.pasteAndApply(SERVICE);
  await expect(a.items("Service mine")).toHaveCount(1);
  await a.run("kubectl get svc mine");
  await waitSaved(a.page, "kubectl get svc mine");

  const b = new PacketwalkApp(await context.newPage());
  await b.goto();
  await expect(b.items("Service mine")).toHaveCount(1, { timeout: 30_000 });

  await a.run("kubectl create deployment mine --image=nginx --replicas=2");
  await waitSaved(a.page, "kubectl create deployment mine --image=nginx --replicas=2");
  const conflict = b.page.getByRole("alert").filter({ hasText: "Your work was saved from another tab" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });

  // B's own change is not saved over A's.
  await b.run("kubectl create deployment b-only --image=nginx");
  await b.page.waitForTimeout(1500);
  expect(await savedLines(a.page)).not.toContain("kubectl create deployment b-only --image=nginx");
  expect(await savedLines(a.page)).toContain("kubectl create deployment mine --image=nginx --replicas=2");

  await conflict.getByRole("button", { name: "Load the other tab's work" }).click();
  await expect(b.items("Pod mine-")).toHaveCount(2, { timeout: 30_000 });
  expect(await b.run("kubectl get deploy --no-headers")).not.toContain("b-only");
});

test("a version-1 save is read: the applied manifests, the mode, the draft and the history come back", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const draft = `${SERVICE}# unapplied\n`;
  await page.addInitScript(
    ({ applied, draft }) => {
      if (localStorage.getItem("packetwalk-session") || sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem(
        "packetwalk",
        JSON.stringify({
          version: 1,
          state: {
            textRef: "packetwalk:blob0",
            appliedTextRef: "packetwalk:blob1",
            appliedFiles: [{ name: "manifests.yaml", textRef: "packetwalk:blob1" }],
            history: ["kubectl get svc mine"],
            language: "en",
            theme: "dark",
            lessonId: null,
            lessonStep: 0,
          },
        }),
      );
      localStorage.setItem("packetwalk:blob0", draft);
      localStorage.setItem("packetwalk:blob1", applied);
      localStorage.setItem("packetwalk-engine", JSON.stringify({ seed: 1, mode: "ipvs", scheduler: "sh" }));
    },
    { applied: SERVICE, draft },
  );
  const app = new PacketwalkApp(page);
  await app.goto();
  await expect(app.items("Service mine")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByRole("combobox", { name: "Proxy mode" })).toHaveValue("ipvs:sh");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => window.__packetwalkStore!.getState().text.replace(/\r\n/g, "\n"))).toBe(
    draft,
  );
  const input = page.getByRole("textbox", { name: "Terminal", exact: true });
  await input.press("ArrowUp");
  await expect(input).toHaveValue("kubectl get svc mine");
  // Saved in the new form; the old keys are gone once it is.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("packetwalk-session") !== null))
    .toBe(true);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("packetwalk-engine"))).toBeNull();
});
