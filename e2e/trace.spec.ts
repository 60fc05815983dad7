/**
 * The packet's story on screen: a hop opened reads its walk — the chains nested, every rule tested,
 * the statistic roll that chose the backend — in English and in Korean; the phases fold; a share
 * link opens the same packet at the same hop.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webManifest } from "./fixtures/manifests";

const WEB = webManifest(3);

/** The hop rows of the trace panel. */
function hops(trace: Locator): Locator {
  return trace.locator("ol.trace-hops > li");
}

/** Opens the first hop whose row reads `stage` (a click on its button) and returns its inspector. */
async function openHop(trace: Locator, stage: RegExp): Promise<Locator> {
  const row = hops(trace)
    .filter({ has: trace.page().getByRole("button", { name: stage }) })
    .first();
  await row.getByRole("button", { name: stage }).click();
  await expect(row).toHaveAttribute("aria-current", "step");
  return row.getByRole("region", { name: /^(Hop \d+ in detail|홉 \d+ 자세히)$/ });
}

async function sentOnePacket(page: Page): Promise<{ app: PacketwalkApp; trace: Locator }> {
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(WEB);
  await expect(app.items("Pod web-")).toHaveCount(3);
  await app.sendPacket("", "web");
  const trace = await app.openTrace();
  await expect(trace.getByText(/^Delivered to /)).toBeVisible();
  return { app, trace };
}

test("a hop opened reads its walk: chains nested, every rule tested, the roll that chose (English)", async ({
  page,
}) => {
  const { trace } = await sentOnePacket(page);
  // The DNS lookup comes first; folded, the list starts at the request.
  const dns = trace.getByRole("checkbox", { name: "DNS lookup" });
  await expect(dns).toBeChecked();
  await dns.uncheck();
  await expect(trace.getByRole("button", { name: /^DNS lookup · \d+ folded$/ }).first()).toBeVisible();
  const inspector = await openHop(trace, /nat (PREROUTING|OUTPUT) → KUBE-SERVICES/);

  // Why this backend, before the whole walk: the statistic rule that matched and its draw.
  const why = inspector.locator(".inspector-why");
  await expect(why.getByRole("heading", { name: "Why this way" })).toBeVisible();
  // A roll that matched, or (the last endpoint) the rolls before its rule that all missed.
  await expect(why).toContainText(
    /KUBE-SVC-[A-Z0-9]{16} rule \d → KUBE-SEP-[A-Z0-9]{16}: (drew 0\.\d+ < 0\.\d+: match|the (\d )?rolls? before it missed, and this last rule takes every packet left)/,
  );

  // The walk, nested as the kernel walks it: KUBE-SERVICES → KUBE-SVC → KUBE-SEP.
  await expect(inspector.getByRole("heading", { name: "Rules walked" })).toBeVisible();
  const services = inspector.getByRole("list", { name: "KUBE-SERVICES" });
  await expect(services).toBeVisible();
  const svc = services.getByRole("list", { name: /^KUBE-SVC-/ });
  await expect(svc).toBeVisible();
  await expect(svc.locator(".walk-rule").nth(1)).toContainText("-m statistic --mode random --probability");
  await expect(svc.getByText(/^drew 0\.\d+ (<|≥) 0\.\d+: (match|no match)$/).first()).toBeVisible();
  const sep = svc.getByRole("list", { name: /^KUBE-SEP-/ });
  await expect(sep.locator(".walk-decided")).toContainText("-j DNAT --to-destination");
  await expect(sep.locator(".walk-decided").getByRole("img", { name: "matches" })).toBeVisible();
  await expect(services.getByRole("img", { name: "does not match" }).first()).toBeVisible();

  // The packet in and out: the destination rewritten to the backend the verdict names.
  const backend = (await trace.getByText(/^Delivered to /).textContent())!.match(
    /(\d+\.\d+\.\d+\.\d+:\d+)/,
  )![1]!;
  await expect(inspector.getByRole("heading", { name: "Packet" })).toBeVisible();
  // As tcpdump starts its line: the packet out goes to the backend's address and port.
  const [ip, port] = backend.split(":");
  await expect(inspector.locator(".inspector-section").nth(1)).toContainText(`> ${ip}.${port}: Flags [S]`);
  await expect(sep.locator(".walk-decided")).toContainText(`--to-destination ${backend}`);
});

test("the same walk in Korean: the inspector's words, the draw and the decision", async ({ page }) => {
  const { app } = await sentOnePacket(page);
  await app.setLanguage("ko");
  const koTrace = page.getByRole("region", { name: "트레이스" });
  await expect(koTrace).toBeVisible();
  await koTrace.getByRole("checkbox", { name: "DNS 조회" }).uncheck();
  const inspector = await openHop(koTrace, /nat (PREROUTING|OUTPUT) → KUBE-SERVICES/);
  await expect(inspector.getByRole("heading", { name: "왜 이쪽으로" })).toBeVisible();
  await expect(inspector.locator(".inspector-why")).toContainText(
    /KUBE-SVC-[A-Z0-9]{16} 규칙 \d → KUBE-SEP-[A-Z0-9]{16}: (뽑은 수 0\.\d+ < 0\.\d+: 일치|앞선 확률 규칙 \d개가 모두 불일치, 마지막 규칙이 남은 패킷을 모두 받음)/,
  );
  await expect(inspector.getByRole("heading", { name: "검사한 규칙" })).toBeVisible();
  const svc = inspector.getByRole("list", { name: /^KUBE-SVC-/ });
  await expect(svc.getByText(/^뽑은 수 0\.\d+ (<|≥) 0\.\d+: (일치|불일치)$/).first()).toBeVisible();
  await expect(inspector.getByText("여기서 결정").first()).toBeVisible();
  await expect(inspector.getByRole("img", { name: "일치", exact: true }).first()).toBeVisible();
  // The rules themselves stay in iptables' own notation.
  await expect(svc.locator(".walk-rule").nth(1)).toContainText("-m statistic --mode random --probability");
});

test("a share link opens the same packet at the same hop, with the same phases folded", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { trace } = await sentOnePacket(page);
  await trace.getByRole("checkbox", { name: "DNS lookup" }).uncheck();
  const inspector = await openHop(trace, /nat (PREROUTING|OUTPUT) → KUBE-SERVICES/);
  const why = (await inspector.locator(".inspector-why").textContent()) ?? "";
  const verdict = await trace.getByText(/^Delivered to /).textContent();
  const current = await trace.locator('li[aria-current="step"] .hop-index').textContent();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();

  const other = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await other.goto(link);
  const b = new PacketwalkApp(other);
  await expect(b.items("Pod web-")).toHaveCount(3, { timeout: 30_000 });
  const traceB = other.getByRole("region", { name: "Trace" });
  await expect(traceB).toBeVisible();
  await expect(traceB.getByText(/^Delivered to /)).toHaveText(verdict!);
  await expect(traceB.getByRole("checkbox", { name: "DNS lookup" })).not.toBeChecked();
  await expect(traceB.locator('li[aria-current="step"] .hop-index')).toHaveText(current!);
  await expect(
    traceB.getByRole("region", { name: /^Hop \d+ in detail$/ }).locator(".inspector-why"),
  ).toHaveText(why);
});
