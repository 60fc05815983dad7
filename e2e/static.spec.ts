import { spawn } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";

// The service worker is what these tests are about (the config blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

/** The sub-path the built site is served from (playwright.config.ts). */
function base(): string {
  return new URL(".", String(test.info().project.use.baseURL)).href;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every Content-Security-Policy violation the page reports, from before its first script. */
/** Sends one packet to `destination` from the form's default source. */
async function send(page: Page, destination: string): Promise<void> {
  const form = page.getByRole("region", { name: "Send a packet" });
  await form.getByLabel("Destination", { exact: true }).fill(destination);
  await form.getByRole("button", { name: "Send packet" }).click();
}

async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const onConsole = (text: string) => {
    if (/Content Security Policy|Refused to/i.test(text)) console.push(text);
  };
  page.on("console", (m) => onConsole(m.text()));
  page.on("worker", (w) => w.on("console", (m) => onConsole(m.text())));
  return console;
}

async function terminal(page: Page, line: string): Promise<void> {
  const input = page.getByRole("textbox", { name: "Terminal", exact: true });
  await input.fill(line);
  await input.press("Enter");
}

test("the built site works from a sub-path: every request, worker and lazy chunk stays under it", async ({
  page,
}) => {
  const requests: string[] = [];
  const failures: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => failures.push(`failed ${r.url()}`));
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  const app = new PacketwalkApp(page);
  await app.goto();
  // Monaco is a lazy chunk with its own workers.
  await expect(page.getByRole("textbox", { name: "Manifest YAML" })).toBeAttached({ timeout: 30_000 });
  await expect.poll(() => workers.some((w) => /simulation\.worker-[\w-]+\.js$/.test(w))).toBe(true);
  // monaco-yaml's language worker (Monaco's own editor worker starts only when a feature needs it).
  await expect
    .poll(() => workers.some((w) => /yaml\.worker-[\w-]+\.js$/.test(w)), { timeout: 20_000 })
    .toBe(true);
  expect(failures).toEqual([]);
  const outside = requests.filter((u) => u.startsWith("http") && !u.startsWith(base()));
  expect(outside).toEqual([]);
  expect(workers.every((w) => w.startsWith(`${base()}assets/`) || w.startsWith("blob:"))).toBe(true);
  const manifest = await page.evaluate(async () => (await fetch("precache-manifest.json")).json());
  expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  expect(manifest.files).toEqual(
    expect.arrayContaining(["./", "index.html", "manifest.webmanifest", "icon.svg"]),
  );
  expect(manifest.files.filter((f: string) => f.endsWith(".map") || f === "sw.js")).toEqual([]);
});

test("a strict Content-Security-Policy: no violations while the app boots, edits, applies and sends", async ({
  page,
}) => {
  const consoleViolations = await watchCsp(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  await app.applyManifest(`apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`);
  await expect(app.items("Service web")).toHaveCount(1);
  await send(page, "kubernetes");
  await terminal(page, "kubectl get svc");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Show QR code" }).click();
  await expect(page.getByRole("img", { name: "QR code of the share link" })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test("after the first visit the app works offline: it boots and runs kubectl from the cache", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  // The service worker has installed (precached the whole build) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(base());

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on("response", (r) => {
    if (!r.fromServiceWorker() && r.url().startsWith(base())) fromNetwork.push(r.url());
  });
  await page.reload();
  await expect(app.items("Node ")).toHaveCount(3, { timeout: 30_000 });
  await terminal(page, "kubectl get nodes");
  const log = page.getByRole("log");
  await expect(log).toContainText("STATUS", { timeout: 15_000 });
  await expect(log).toContainText("Ready");
  // The editor (a lazy chunk with its workers) loads from the cache too.
  await expect(page.getByRole("textbox", { name: "Manifest YAML" })).toBeAttached({ timeout: 30_000 });
  expect(fromNetwork).toEqual([]);
  await context.setOffline(false);
});

test("offline works behind a host that sends Vary: Origin (the cache ignores Vary)", async ({ browser }) => {
  test.setTimeout(120_000);
  // Any free port: the server says which.
  const server = spawn(process.execPath, ["scripts/serve-static.mjs", "dist", "0", "/packetwalk/"], {
    env: { ...process.env, VARY: "Origin" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      server.stdout.on("data", (chunk: Buffer) => {
        const m = /at (http:\S+)/.exec(String(chunk));
        if (m) resolve(m[1]!);
      });
      server.on("exit", (code) => reject(new Error(`the static server exited (${code})`)));
    });
    await expect
      .poll(async () => (await fetch(base).catch(() => null))?.headers.get("vary") ?? "")
      .toBe("Origin");
    const context = await browser.newContext({ serviceWorkers: "allow" });
    const page = await context.newPage();
    const app = new PacketwalkApp(page);
    await page.goto(base);
    await expect(app.items("Node ").first()).toBeAttached({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(app.items("Node ")).toHaveCount(3, { timeout: 30_000 });
    await terminal(page, "kubectl get nodes");
    await expect(page.getByRole("log")).toContainText("Ready", { timeout: 15_000 });
    await context.close();
  } finally {
    server.kill();
  }
});
