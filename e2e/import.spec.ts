/**
 * Importing a cluster in the page, as an SRE does: paste what `kubectl get ... -o yaml` printed
 * (clipboard and Ctrl+V), press "Import cluster" (Apply would allocate afresh), read the import
 * report, send a packet to one of its Services and see the backend the dump gave the pod, ask why
 * a Service has no endpoints, find the imported cluster again after a reload, and share it
 * without what is private (and with no request leaving the page).
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { collectErrors } from "./fixtures/editor";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const DUMP = readFileSync("testdata/import/kind.yaml", "utf8");
/** The web pods' addresses as the dump gives them (kind's pod CIDRs, not Packetwalk's). */
const WEB_IPS = ["10.244.1.2", "10.244.2.2", "10.244.2.3"];

const TYPO = `apiVersion: v1
kind: Service
metadata:
  name: webb
spec:
  selector:
    app: webb
  ports:
    - port: 80
`;

async function importDump(page: Page, app: PacketwalkApp): Promise<void> {
  await app.paste(DUMP);
  const editor = page.getByRole("region", { name: "Manifests" });
  await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible();
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
}

test("a pasted dump imports with its report, its pods' addresses and kube-proxy's mode, and survives a reload", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  await importDump(page, app);

  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.getByText("Imported 25 objects")).toBeVisible({ timeout: 30_000 });
  const counts = report.getByRole("list", { name: "Objects per kind" });
  await expect(counts).toContainText("3 Node");
  await expect(counts).toContainText("8 Pod");
  await expect(counts).toContainText("3 EndpointSlice");
  await expect(report.getByRole("heading", { name: "Read from the dump" })).toBeVisible();
  await expect(report).toContainText("kube-proxy in iptables mode (from kube-proxy's config.conf)");
  await expect(report.getByRole("heading", { name: "Assumed (a dump cannot say)" })).toBeVisible();
  // The kind cluster's nodes, by the names the dump gives them.
  await expect(app.items("Node kind-worker2")).toHaveCount(1);

  await app.sendPacket("", "web");
  const trace = await app.openTrace();
  const verdict = await trace.getByText(/^Delivered to /).textContent();
  expect(WEB_IPS).toContain(verdict!.match(/(\d+\.\d+\.\d+\.\d+):\d+/)![1]);

  await page.reload();
  await expect(app.items("Node kind-worker2")).toHaveCount(1, { timeout: 30_000 });
  await expect(
    page.getByRole("region", { name: "Import report" }).getByText("Imported 25 objects"),
  ).toBeVisible();
  await expect(app.items(`Pod ${"web-7c5ddbdf54-2xkqp"}`)).toHaveAccessibleName(/10\.244\.1\.2/);
  expect(errors).toEqual([]);
});

test("kubeadm's JSON dump (IPVS, scheduler sh, domain corp.internal): its report and a packet through its own virtual server", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.paste(readFileSync("testdata/import/kubeadm.json", "utf8"));
  const editor = page.getByRole("region", { name: "Manifests" });
  await expect(editor.getByText(/looks like a cluster dump/)).toBeVisible();
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();

  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.getByText("Imported 46 objects")).toBeVisible({ timeout: 30_000 });
  const counts = report.getByRole("list", { name: "Objects per kind" });
  await expect(counts).toContainText("19 Pod");
  await expect(counts).toContainText("14 ConfigMap");
  await expect(report).toContainText("kube-proxy in ipvs mode (from kube-proxy's config.conf)");
  await expect(report).toContainText("cluster domain corp.internal (from kubeadm-config)");
  await expect(report).toContainText("service CIDR 10.112.0.0/16 (from kubeadm-config)");

  await app.sendPacket("cart-db-0", "storefront");
  const trace = await app.openTrace();
  const verdict = await trace.getByText(/^Delivered to /).textContent();
  expect(["10.32.1.14", "10.32.2.9", "10.32.2.10"]).toContain(verdict!.match(/(\d+\.\d+\.\d+\.\d+):\d+/)![1]);
  await expect(trace).toContainText("TCP  10.112.84.17:80 sh");
  await expect(trace).toContainText("storefront.shop.svc.corp.internal");
  expect(errors).toEqual([]);
});

test("the import report in Korean: every note in Korean words, FILE:LINE and values as they are", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  await importDump(page, app);
  await expect(
    page.getByRole("region", { name: "Import report" }).getByText("Imported 25 objects"),
  ).toBeVisible({
    timeout: 30_000,
  });

  await app.setLanguage("ko");
  const report = page.getByRole("region", { name: "가져오기 보고서" });
  await expect(report.getByRole("heading", { name: "덤프에서 읽음" })).toBeVisible();
  await expect(report).toContainText("kube-proxy는 iptables 모드 (kube-proxy의 config.conf에서 읽음)");
  await expect(report).toContainText("manifests.yaml:1407");
  const notes = report.locator(".import-notes li");
  await expect(notes).toHaveCount(11);
  for (const text of await notes.allTextContents()) {
    expect(text).toMatch(/[\uac00-\ud7a3]/);
    // English words of the engine's sentences; the values (addresses, paths, flags) have none.
    expect(text).not.toMatch(/(?<![-\w])(the|from|in|is|of|a|not|no|inferred|mode|range|default)(?![-\w])/);
  }
  expect(errors).toEqual([]);
});

test("why no endpoints: a Service applied over the imported cluster with a selector one letter off", async ({
  page,
}) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  await importDump(page, app);
  await expect(page.getByRole("region", { name: "Import report" })).toBeVisible({ timeout: 30_000 });
  await app.pasteAndApply(TYPO);
  await page.getByRole("button", { name: "Why no endpoints: webb?" }).click();
  const answer = page.getByRole("region", { name: "Why webb has no endpoints" });
  await expect(answer).toContainText(
    "No pod in namespace default carries all of the selector's labels: app=webb.",
  );
  await expect(answer).toContainText("app=web where the selector wants app=webb");
  await app.setLanguage("ko");
  const ko = page.getByRole("region", { name: "webb에 엔드포인트가 없는 이유" });
  await expect(ko).toContainText("셀렉터는 app=webb를 원하지만 app=web");
});

test("a dump that cannot be read changes nothing and marks its line", async ({ page }) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const nodes = await app.items("Node ").count();
  const broken = DUMP.replace("  kind: Node\n", "  kind: Node\n  metadata: [\n");
  await app.paste(broken);
  const editor = page.getByRole("region", { name: "Manifests" });
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  // kubectl's words for the YAML error, at the line the reader stopped on.
  const marker = editor.locator(".editor-errors li").first();
  await expect(marker).toContainText(/^6:3 /);
  await expect(marker).toContainText("error converting YAML to JSON: yaml: line 6:");
  await expect(page.getByRole("region", { name: "Import report" })).toHaveCount(0);
  await expect(app.items("Node ")).toHaveCount(nodes);
  await expect(app.items("Pod web-7c5ddbdf54-2xkqp")).toHaveCount(0);
});

test("sharing an imported cluster warns, strips what is private, and nothing leaves the browser", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const requests: { url: string; method: string }[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method() }));
  const app = new PacketwalkApp(page);
  await app.goto();
  await importDump(page, app);
  await expect(page.getByRole("region", { name: "Import report" })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const warning = page.getByRole("alertdialog", { name: "Sharing an imported cluster" });
  await expect(warning).toContainText("a link carries its objects");
  await warning.getByRole("button", { name: "Share without status, annotations and env values" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();

  // The link's record, as the page encoded it: the dump without annotations or container statuses.
  const encoded = new URL(link).hash.replace(/^#s=/, "");
  const json = inflateRawSync(Buffer.from(encoded, "base64url")).toString("utf8");
  expect(json).toContain("10.244.1.2");
  expect(json).not.toContain("annotations");
  expect(json).not.toContain("containerStatuses");
  expect(json).not.toContain("last-applied-configuration");

  // Every request the page made was for its own files: the dump went nowhere.
  const origin = new URL(String(test.info().project.use.baseURL)).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) expect([r.method, new URL(r.url).origin]).toEqual(["GET", origin]);
  expect(requests.filter((r) => r.url.includes("web-7c5ddbdf54"))).toEqual([]);

  // The stripped link still opens the same cluster, pod addresses and all.
  const other = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  const b = new PacketwalkApp(other);
  await other.goto(link);
  await expect(b.items("Pod web-7c5ddbdf54-2xkqp")).toHaveAccessibleName(/10\.244\.1\.2/, {
    timeout: 30_000,
  });
});
