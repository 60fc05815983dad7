import { type Browser, expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webManifest } from "./fixtures/manifests";

/** What these tests read from the app's store (exposed by src/ui/main.tsx). */
interface ShareStore {
  getState(): {
    text: string;
    appliedText: string;
    lines: { kind: string; text: string }[];
    busy: boolean;
    trace: { backend?: { pod: string; ip: string; port: number } } | null;
    view: { proxyMode: string; ipvsScheduler: string } | null;
    setTrace(trace: null): void;
    setText(text: string): void;
  };
}
type StoreWindow = { __packetwalkStore: ShareStore };

const WEB = webManifest(4);

interface Snapshot {
  text: string;
  appliedText: string;
  lines: { kind: string; text: string }[];
  busy: boolean;
  backend: string;
  mode: string;
  scheduler: string;
}

/** The parts of the app's state these tests read. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const s = (window as unknown as StoreWindow).__packetwalkStore.getState();
    const b = s.trace?.backend;
    return {
      text: s.text,
      appliedText: s.appliedText,
      lines: s.lines,
      busy: s.busy,
      backend: b ? `${b.pod} ${b.ip}:${b.port}` : "",
      mode: s.view?.proxyMode ?? "",
      scheduler: s.view?.ipvsScheduler ?? "",
    };
  });
}

/** Sends one packet to `destination` from the form's default source. */
async function send(page: Page, destination: string): Promise<void> {
  const form = page.getByRole("region", { name: "Send a packet" });
  await form.getByLabel("Destination", { exact: true }).fill(destination);
  await form.getByRole("button", { name: "Send packet" }).click();
}

async function state<T>(page: Page, pick: (s: Snapshot) => T): Promise<T> {
  return pick(await snapshot(page));
}

/** Runs a command in the terminal and returns what it printed. */
async function run(page: Page, line: string): Promise<string> {
  const before = await state(page, (s) => s.lines.length);
  const input = page.getByRole("textbox", { name: "Terminal", exact: true });
  await input.fill(line);
  await input.press("Enter");
  await expect.poll(() => state(page, (s) => !s.busy && s.lines.length > before)).toBe(true);
  const lines = await state(page, (s) => s.lines.map((l) => `${l.kind}:${l.text}`));
  return lines
    .slice(before + 1)
    .map((l) => l.replace(/^[a-z]+:/, ""))
    .join("");
}

/** Sends `n` packets to `destination` from the default source; the backend pod of each. */
async function backends(app: PacketwalkApp, destination: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    await app.page.evaluate(() => {
      const s = (window as unknown as StoreWindow).__packetwalkStore.getState() as unknown as {
        setTrace(t: null): void;
      };
      s.setTrace(null);
    });
    await send(app.page, destination);
    await expect.poll(() => state(app.page, (s) => s.backend)).not.toBe("");
    out.push(await state(app.page, (s) => s.backend));
  }
  return out;
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  return context.newPage();
}

test("a share link reproduces the scenario in a fresh browser: Services, mode and packets", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = new PacketwalkApp(await freshPage(browser));
  await a.goto();
  await a.applyManifest(WEB);
  await expect(a.items("Pod web-")).toHaveCount(4);
  await a.page.getByRole("combobox", { name: "Proxy mode" }).selectOption("nftables");
  await expect.poll(() => state(a.page, (s) => s.mode)).toBe("nftables");
  await a.page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await a.page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link.startsWith(new URL(".", String(test.info().project.use.baseURL)).href)).toBe(true);
  expect(new URL(link).hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
  // The link's card closes like any popover, and the workbench is in reach again.
  await a.page.keyboard.press("Escape");
  await expect(a.page.getByRole("textbox", { name: "Share link" })).toBeHidden();
  const servicesA = await run(a.page, "kubectl get svc");
  expect(servicesA).toContain("web");
  const sentA = await backends(a, "web", 4);

  const b = new PacketwalkApp(await freshPage(browser));
  await b.page.goto(link);
  await expect(b.items("Pod web-")).toHaveCount(4, { timeout: 30_000 });
  await expect(b.page.getByRole("status").filter({ hasText: "Opened a shared scenario." })).toBeVisible();
  await expect(b.page.getByRole("combobox", { name: "Proxy mode" })).toHaveValue("nftables");
  // The fragment is consumed: a reload keeps the saved state, later edits are not overwritten by the link.
  expect(new URL(b.page.url()).hash).toBe("");
  expect(await run(b.page, "kubectl get svc")).toBe(servicesA);
  expect(await backends(b, "web", 4)).toEqual(sentA);
});

test("a damaged or hostile link is refused with a visible message and runs nothing", async ({ page }) => {
  const app = new PacketwalkApp(page);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("./#s=not*a*link");
  await expect(page.getByRole("alert").filter({ hasText: "This share link cannot be opened" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(app.items("Node ")).toHaveCount(3);
  // A well-formed link whose scenario has an unknown mode.
  const link = await page.evaluate(async () => {
    const json = JSON.stringify({
      v: 1,
      seed: 1,
      manifests: [],
      mode: "<img src=x onerror=alert(1)>",
      scheduler: "rr",
      language: "en",
    });
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  });
  await page.goto(`./#s=${link}`);
  await page.reload();
  await expect(
    page.getByRole("alert").filter({ hasText: "mode: expected one of iptables, ipvs, nftables" }),
  ).toBeVisible({
    timeout: 30_000,
  });
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("a reload keeps the editor, the applied manifests, the mode and the terminal history", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(WEB);
  await expect(app.items("Service web")).toHaveCount(1);
  await page.getByRole("combobox", { name: "Proxy mode" }).selectOption("ipvs:sh");
  await expect.poll(() => state(page, (s) => s.scheduler)).toBe("sh");
  await run(page, "kubectl get svc web");
  const unapplied = `${WEB}# not applied yet\n`;
  await page.evaluate((text) => {
    const s = (window as unknown as StoreWindow).__packetwalkStore.getState();
    s.setText(text);
  }, unapplied);

  await page.reload();
  await expect(app.items("Service web")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByRole("combobox", { name: "Proxy mode" })).toHaveValue("ipvs:sh");
  expect(await state(page, (s) => s.text.replace(/\r\n/g, "\n"))).toBe(unapplied);
  expect(await state(page, (s) => s.appliedText.replace(/\r\n/g, "\n"))).toBe(WEB);
  const input = page.getByRole("textbox", { name: "Terminal", exact: true });
  await input.press("ArrowUp");
  await expect(input).toHaveValue("kubectl get svc web");
});

test("the diagram exports as SVG and PNG, and the trace as text", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await send(page, "kubernetes");
  await app.openMenu();
  await expect(page.getByRole("button", { name: "Export SVG" })).toBeVisible();
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export SVG" }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe("packetwalk-topology.svg");
  const svgText = await (await svg.createReadStream())
    .toArray()
    .then((c) => Buffer.concat(c).toString("utf8"));
  expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain("fill:");
  expect(svgText).not.toContain("<script");
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export PNG" }).click(),
  ]);
  const pngBytes = await (await png.createReadStream()).toArray().then((c) => Buffer.concat(c));
  expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(pngBytes.length).toBeGreaterThan(2000);
  const [trace] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export trace" }).click(),
  ]);
  const traceText = await (await trace.createReadStream())
    .toArray()
    .then((c) => Buffer.concat(c).toString("utf8"));
  expect(traceText).toMatch(/^# .*kubernetes/);
  expect(traceText).toContain("first packet:");
});
