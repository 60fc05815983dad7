/**
 * The packet's story in IPVS and nftables mode, on the user's path: kube-proxy's mode chosen with
 * the header's Proxy mode control, a packet sent to a Service with three endpoints, the trace's
 * IPVS (or nftables) hop opened and read — the virtual server found, the scheduler's state before
 * it chose and why, in the scheduler's own terms; the map lookups and the numgen draw — checked
 * against what the terminal's ipvsadm and nft list. The inspector's conntrack entry is the one
 * `conntrack -L` lists on the same node; the IPVS walk reads in Korean.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webManifest } from "./fixtures/manifests";

const WEB = webManifest(3);
const ADDRESS = String.raw`\d+\.\d+\.\d+\.\d+`;
const DEST = String.raw`\d+\.\d+\.\d+\.\d+:\d+`;

function hops(trace: Locator): Locator {
  return trace.locator("ol.trace-hops > li");
}

/** Opens the last hop (of the packet on screen) whose button reads `stage` and returns its inspector. */
async function openHop(trace: Locator, stage: RegExp, which: "first" | "last" = "first"): Promise<Locator> {
  const rows = hops(trace).filter({ has: trace.page().getByRole("button", { name: stage }) });
  const row = which === "first" ? rows.first() : rows.last();
  await row.getByRole("button", { name: stage }).click();
  await expect(row).toHaveAttribute("aria-current", "step");
  return row.getByRole("region", { name: /^(Hop \d+ in detail|홉 \d+ 자세히)$/ });
}

/** A fresh cluster with the three-replica web Service, kube-proxy switched to `mode` with the header's control. */
async function clusterIn(page: Page, mode: string, value: string): Promise<PacketwalkApp> {
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(WEB);
  await expect(app.items("Pod web-")).toHaveCount(3);
  const select = page.getByRole("combobox", { name: "Proxy mode" });
  await select.selectOption({ label: mode });
  // The control shows the mode the engine reports, so this waits for the switch to land.
  await expect(select).toHaveValue(value);
  return app;
}

/** Sends one packet to the web Service and returns the trace with the DNS lookup folded and the backend it reached. */
async function sendToWeb(app: PacketwalkApp): Promise<{ trace: Locator; backend: string }> {
  await clearPacket(app.page);
  await app.sendPacket("", "web");
  const trace = await app.openTrace();
  const verdict = trace.getByText(/^Delivered to /);
  await expect(verdict).toBeVisible();
  // The new packet's verdict: fold its DNS lookup.
  const dns = trace.getByRole("checkbox", { name: "DNS lookup" });
  if (await dns.isChecked()) await dns.uncheck();
  const backend = (await verdict.textContent())!.match(new RegExp(DEST))![0];
  return { trace, backend };
}

/**
 * Takes the packet on screen away (setup, through the store), so that the verdict read after the
 * next send is that packet's and not the one before it, still on screen until the new one lands.
 */
async function clearPacket(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = window.__packetwalkStore!.getState() as unknown as { setTrace(t: null): void };
    s.setTrace(null);
  });
}

/** The lines under the IPVS heading of an inspector, as drawn (ipvsadm's spacing kept). */
async function ipvsLines(inspector: Locator, at = "LOCAL_IN"): Promise<string[]> {
  const part = inspector
    .locator(".walk-part-ipvs")
    .filter({ has: inspector.page().getByRole("heading", { name: `IPVS ${at}` }) });
  await expect(part).toBeVisible();
  return part.locator(".walk-ipvs > li").allInnerTexts();
}

/** The real server after `dest` in the kernel's list (rr goes round it). */
function nextIn(order: string[], dest: string): string {
  return order[(order.indexOf(dest) + 1) % order.length]!;
}

test("IPVS rr: the virtual server found, rr's last choice and the kernel's list, the next server taken; the callout says what IPVS did", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "IPVS (rr)", "ipvs:rr");
  const ipvsadm = await app.run("ipvsadm -Ln");

  const chosen: string[] = [];
  for (const packet of [1, 2]) {
    const { trace, backend } = await sendToWeb(app);
    const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
    const lines = await ipvsLines(inspector);
    // The virtual server as ipvsadm -Ln lists it: protocol, two spaces, VIP:port, scheduler.
    const service = lines[0]!.match(new RegExp(`^virtual service found: (TCP  ${ADDRESS}:80 rr)$`));
    expect(service, lines[0]).not.toBeNull();
    expect(ipvsadm).toContain(`${service![1]}\n`);
    // rr's state before the choice, and the kernel's list it goes round.
    const order = lines[2]!.match(/^the servers in the kernel's list order: (.+)$/)![1]!.split(", ");
    expect(order).toHaveLength(3);
    const servers = order.map((o) => o.replace(/ \(1\)$/, ""));
    for (const s of servers) expect(ipvsadm).toContain(`  -> ${s}`);
    const rr = lines[1]!.match(
      new RegExp(
        `^rr: (?:no choice yet, the list's first server with weight > 0|last choice (${DEST}), the next with weight > 0): (${DEST})$`,
      ),
    );
    expect(rr, lines[1]).not.toBeNull();
    const [, previous, dest] = rr!;
    if (previous) expect(dest).toBe(nextIn(servers, previous));
    else expect(dest).toBe(servers[0]);
    // The second packet starts from the first one's choice.
    if (packet === 2) expect(previous).toBe(chosen[0]);
    expect(lines.at(-1)).toBe(`Masq to ${dest}`);
    expect(backend).toBe(dest);
    chosen.push(dest!);
    await expect(inspector.locator(".inspector-why")).toContainText(lines[1]!);

    // The diagram's callout at this hop names IPVS and says what it did, not the filter chain's name.
    const callout = page.locator(".topo-callout");
    await expect(callout.locator(".topo-callout-head strong")).toHaveText("IPVS LOCAL_IN");
    await expect(callout.locator(".topo-callout-ipvs")).toHaveText(
      [lines[0]!, lines[1]!, `Masq to ${dest}`],
      {
        useInnerText: true,
      },
    );
    await expect(callout.locator(".topo-callout-rewrite")).toHaveText(
      `IPVS-NAT ${service![1]!.split(/\s+/)[1]} → ${dest}`,
    );
  }
  expect(chosen[1]).not.toBe(chosen[0]);
});

test("IPVS lc: each real server's connections before the choice, the fewest taken", async ({ page }) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "IPVS (lc)", "ipvs:lc");
  const first = await sendToWeb(app);
  // The first connection: every server at 0, and the kernel keeps the first in its list.
  const firstLines = await ipvsLines(await openHop(first.trace, /filter INPUT → KUBE-IPVS-FILTER/));
  expect(firstLines[1]).toBe(`lc: all 3 servers at 0; the first in the list is taken: ${first.backend}`);
  expect(firstLines[2]).toMatch(new RegExp(`^${first.backend}: 0 active, 0 inactive, weight 1 → 0$`));
  const { trace, backend } = await sendToWeb(app);
  const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
  const lines = await ipvsLines(inspector);
  expect(lines[0]).toMatch(new RegExp(`^virtual service found: TCP  ${ADDRESS}:80 lc$`));
  // The two servers left tie at 0: the first of them in the list is taken.
  const dest = lines[1]!.match(
    new RegExp(
      `^lc: 2 servers tie at the fewest connections, 0; the kernel keeps the first in its list \\(strict <\\): (${DEST})$`,
    ),
  )![1]!;
  const rows = lines.slice(2, -1).map((l) => {
    const m = l.match(new RegExp(`^(${DEST}): (\\d+) active, (\\d+) inactive, weight 1 → (\\d+)$`))!;
    expect(m, l).not.toBeNull();
    return { dest: m[1]!, active: Number(m[2]), inactive: Number(m[3]), cost: Number(m[4]) };
  });
  expect(rows).toHaveLength(3);
  for (const r of rows) expect(r.cost).toBe(r.active * 256 + r.inactive);
  // The first packet's connection is still open on its server: the second goes elsewhere.
  expect(rows.find((r) => r.dest === first.backend)).toMatchObject({ active: 1, cost: 256 });
  const least = Math.min(...rows.map((r) => r.cost));
  expect(rows.find((r) => r.cost === least)!.dest).toBe(dest);
  expect(dest).not.toBe(first.backend);
  expect(lines.at(-1)).toBe(`Masq to ${dest}`);
  expect(backend).toBe(dest);
  await expect(inspector.locator(".inspector-why")).toContainText(lines[1]!);
});

/** A sed/nq row as drawn: the server, its active connections, weight and expected delay (C + 1) / W. */
function delayRows(lines: string[]): { dest: string; active: number; delay: number }[] {
  return lines.map((l) => {
    const m = l.match(new RegExp(`^(${DEST}): (\\d+) active, weight 1 → \\((\\d+) \\+ 1\\) / 1 = (\\d+)$`))!;
    expect(m, l).not.toBeNull();
    expect(m[3]).toBe(m[2]);
    return { dest: m[1]!, active: Number(m[2]), delay: Number(m[4]) };
  });
}

test("IPVS sed: each real server's expected delay (C + 1) / W, a tie kept by the first in the kernel's list", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "IPVS (sed)", "ipvs:sed");
  const first = await sendToWeb(app);
  const firstLines = await ipvsLines(await openHop(first.trace, /filter INPUT → KUBE-IPVS-FILTER/));
  expect(firstLines[1]).toBe(`sed: all 3 servers at 1; the first in the list is taken: ${first.backend}`);
  // The list's first row is the server taken.
  expect(delayRows(firstLines.slice(2, -1))[0]).toEqual({ dest: first.backend, active: 0, delay: 1 });

  const { trace, backend } = await sendToWeb(app);
  const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
  const lines = await ipvsLines(inspector);
  const dest = lines[1]!.match(
    new RegExp(
      `^sed: 2 servers tie at the shortest expected delay, 1; the kernel keeps the first in its list \\(strict >\\): (${DEST})$`,
    ),
  )![1]!;
  const rows = delayRows(lines.slice(2, -1));
  expect(rows).toHaveLength(3);
  // The first packet's connection makes its server's delay (1 + 1) / 1 = 2; of the two at 1 the first listed is taken.
  expect(rows.find((r) => r.dest === first.backend)).toMatchObject({ active: 1, delay: 2 });
  expect(rows.find((r) => r.delay === 1)!.dest).toBe(dest);
  expect(lines.at(-1)).toBe(`Masq to ${dest}`);
  expect(backend).toBe(dest);
  await expect(inspector.locator(".inspector-why")).toContainText(lines[1]!);
});

test("IPVS nq: the first idle server the kernel meets, then, with none idle, the shortest expected delay", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = await clusterIn(page, "IPVS (nq)", "ipvs:nq");
  const heads: string[] = [];
  const backends: string[] = [];
  let last: string[] = [];
  for (const _ of [1, 2, 3, 4]) {
    const { trace, backend } = await sendToWeb(app);
    last = await ipvsLines(await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/));
    heads.push(last[1]!);
    backends.push(backend);
    expect(last.at(-1)).toBe(`Masq to ${backend}`);
  }
  expect(heads.slice(0, 3)).toEqual([
    `nq: 3 servers have no active connection; the kernel takes the first it meets in its list: ${backends[0]}`,
    `nq: 2 servers have no active connection; the kernel takes the first it meets in its list: ${backends[1]}`,
    `nq: ${backends[2]} has no active connection: chosen at once`,
  ]);
  expect(new Set(backends.slice(0, 3)).size).toBe(3);
  // The fourth: every server holds one connection, all at (1 + 1) / 1 = 2; the list's first is kept.
  const rows = delayRows(last.slice(2, -1));
  expect(rows.map((r) => r.delay)).toEqual([2, 2, 2]);
  expect(heads[3]).toBe(
    `nq: no idle server; all 3 servers at 2; the first in the list is taken: ${rows[0]!.dest}`,
  );
  expect(backends[3]).toBe(rows[0]!.dest);
  expect(backends[0]).toBe(rows[0]!.dest);
});

test("IPVS sh: the source's hash bucket and its owner, the same for the client's next packet", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "IPVS (sh)", "ipvs:sh");
  const seen: string[] = [];
  for (const _ of [1, 2]) {
    const { trace, backend } = await sendToWeb(app);
    const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
    const lines = await ipvsLines(inspector);
    expect(lines[0]).toMatch(new RegExp(`^virtual service found: TCP  ${ADDRESS}:80 sh$`));
    const sh = lines[1]!.match(
      new RegExp(`^sh: hash of the source (${ADDRESS}): bucket (\\d+) of 256, owned by (${DEST})$`),
    );
    expect(sh, lines[1]).not.toBeNull();
    // The source hashed is the packet's, as the inspector's packet layers show it.
    await expect(inspector.locator(".inspector-layers")).toContainText(sh![1]!);
    expect(lines.at(-1)).toBe(`Masq to ${sh![3]}`);
    expect(backend).toBe(sh![3]);
    seen.push(lines[1]!);
  }
  expect(seen[1]).toBe(seen[0]);
});

test("IPVS mh: the Maglev table's slot for the packet's source address and port, and the server owning it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "IPVS (mh)", "ipvs:mh");
  const { trace, backend } = await sendToWeb(app);
  const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
  const lines = await ipvsLines(inspector);
  expect(lines[0]).toMatch(new RegExp(`^virtual service found: TCP  ${ADDRESS}:80 mh$`));
  // kube-proxy gives mh its mh-port flag: the hash takes the source port too.
  const mh = lines[1]!.match(
    new RegExp(
      `^mh: hash of (${ADDRESS}):(\\d+): slot ([\\d,]+) of 4,093 in the Maglev table, owned by (${DEST})$`,
    ),
  );
  expect(mh, lines[1]).not.toBeNull();
  expect(Number(mh![3]!.replace(/,/g, ""))).toBeLessThan(4093);
  // The source hashed is the packet's, as the inspector's packet layers show it.
  const layers = inspector.locator(".inspector-layers");
  await expect(layers).toContainText(mh![1]!);
  await expect(layers).toContainText(mh![2]!);
  expect(lines.at(-1)).toBe(`Masq to ${mh![4]}`);
  expect(backend).toBe(mh![4]);
});

test("IPVS mh with mh-port: the same source address and port land in the same Maglev slot, on the same server, and a share link replays the port", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await clusterIn(page, "IPVS (mh)", "ipvs:mh");
  const sourcePort = page.getByRole("region", { name: "Send a packet" }).getByRole("spinbutton", {
    name: "Source port",
  });
  const mhLine = new RegExp(
    `^mh: hash of (${ADDRESS}):(\\d+): slot ([\\d,]+) of 4,093 in the Maglev table, owned by (${DEST})$`,
  );
  /** Sends to web from the chosen source port; the mh line read in the IPVS hop, and the backend. */
  const sendFrom = async (port: number) => {
    await sourcePort.fill(String(port));
    const { trace, backend } = await sendToWeb(app);
    const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
    const line = (await ipvsLines(inspector))[1]!;
    const m = line.match(mhLine);
    expect(m, line).not.toBeNull();
    expect(Number(m![2])).toBe(port);
    // The port hashed is the packet's, as the inspector's packet layers show it.
    await expect(inspector.locator(".inspector-layers")).toContainText(String(port));
    expect(backend).toBe(m![4]);
    return { line, source: m![1]!, slot: m![3]!, backend };
  };

  const first = await sendFrom(40000);
  const other = await sendFrom(40001);
  expect(other.source).toBe(first.source);

  // The first connection is still open and holds 40000: a client cannot bind it again.
  await sourcePort.fill("40000");
  await clearPacket(page);
  await app.sendPacket("", "web");
  const trace = await app.openTrace();
  await expect(trace.getByText("Dropped", { exact: true })).toBeVisible();
  await expect(
    trace.getByText(
      `${first.source}:40000 is held by a live connection of this client: the port cannot be bound`,
    ),
  ).toBeVisible();

  // Five days on, conntrack's ESTABLISHED entry (432,000 s) and IPVS's connection have expired.
  await app.run("sleep 5d");
  const again = await sendFrom(40000);
  expect(again.line).toBe(first.line);
  expect(again.backend).toBe(first.backend);

  // A share link replays the packets with their source ports: the same slot and server.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  const shared = await browser.newPage();
  await shared.goto(link);
  const b = new PacketwalkApp(shared);
  const sharedTrace = await b.openTrace();
  await expect(sharedTrace.getByText(`Delivered to `, { exact: false })).toBeVisible({ timeout: 30_000 });
  const dns = sharedTrace.getByRole("checkbox", { name: "DNS lookup" });
  if (await dns.isChecked()) await dns.uncheck();
  const lines = await ipvsLines(await openHop(sharedTrace, /filter INPUT → KUBE-IPVS-FILTER/));
  expect(lines[1]).toBe(first.line);
  await shared.close();
});

test("nftables: the verdict-map lookup with its key and element, numgen's draw and the endpoint chain it chose", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "nftables", "nftables");
  const { trace, backend } = await sendToWeb(app);
  const inspector = await openHop(trace, /ip kube-proxy PREROUTING/);
  const services = inspector.getByRole("list", { name: "services" });
  const lookup = services.getByText(
    new RegExp(
      `^${ADDRESS} \\. tcp \\. 80 found in @service-ips: goto service-[A-Z0-9]{8}-default/web/tcp/$`,
    ),
  );
  await expect(lookup).toBeVisible();
  const [key, element] = (await lookup.textContent())!.split(" found in @service-ips: ");
  // The same element as nft lists the map.
  const map = await app.run("nft list map ip kube-proxy service-ips");
  expect(map).toContain(`${key} : ${element}`);

  const chain = element!.replace(/^goto /, "");
  const service = services.getByRole("list", { name: chain });
  await expect(service.locator(".walk-rule").nth(1)).toContainText("numgen random mod 3 vmap {");
  const draw = service.getByText(/^numgen drew \d \(0–2\): \d : goto endpoint-/);
  const text = (await draw.textContent())!;
  const m = text.match(
    /^numgen drew (\d) \(0–2\): (\d) : goto (endpoint-[A-Z0-9]{8}-default\/web\/tcp\/__([\d.]+)\/(\d+))$/,
  )!;
  expect(m, text).not.toBeNull();
  expect(m[2]).toBe(m[1]);
  // The element the draw picked is the chain walked next, whose DNAT took the packet to its backend.
  const endpoint = service.getByRole("list", { name: m[3]! });
  await expect(endpoint.locator(".walk-decided")).toContainText(`dnat to ${m[4]}:${m[5]}`);
  expect(backend).toBe(`${m[4]}:${m[5]}`);
  await expect(inspector.locator(".inspector-why")).toContainText(
    `${chain} rule 2 → goto ${m[3]}: numgen drew ${m[1]} (0–2)`,
  );
});

/** The conntrack entry an inspector shows: its state and both tuples as written on screen. */
async function conntrackOf(
  inspector: Locator,
): Promise<{ state: string; original: string; reply: string; note: string }> {
  const ct = inspector.locator(".inspector-ct");
  await expect(ct).toBeVisible();
  const dd = ct.locator("dd");
  return {
    state: (await dd.nth(0).textContent())!,
    original: (await dd.nth(1).textContent())!,
    reply: (await dd.nth(2).textContent())!,
    note: (await ct.locator(".inspector-note").textContent())!,
  };
}

test("the inspector's conntrack entry is the one conntrack -L lists on the same node, and it names that node", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(WEB);
  await expect(app.items("Pod web-")).toHaveCount(3);
  const prompt = page.getByRole("textbox", { name: "Terminal" });
  await expect(app.page.getByRole("log")).toBeVisible();
  const node = (await app.run("hostname")).trim();
  // CLUSTER-IP, the table's third column.
  const ip = (await app.run("kubectl get svc web")).split("\n")[1]!.split(/\s+/)[2]!;
  expect(ip).toMatch(new RegExp(`^${ADDRESS}$`));

  // From the terminal's own node, as a student on it would curl the ClusterIP.
  await app.chooseSource(`Node ${node}`);
  await app.sendPacket("", `${ip}:80`);
  const trace = await app.openTrace();
  await expect(trace.getByText(/^Delivered to /)).toBeVisible();
  const inspector = await openHop(trace, new RegExp(`${node}.*nat POSTROUTING`));
  const ct = await conntrackOf(inspector);
  expect(ct.original).toMatch(
    new RegExp(`^src=${ADDRESS} dst=${ip.replace(/\./g, "\\.")} sport=\\d+ dport=80$`),
  );
  expect(ct.note).toBe(`As conntrack -L lists it on ${node} (each node keeps its own table):`);
  // The terminal is on that node; conntrack -L there lists the same connection: both tuples.
  await expect(prompt).toBeVisible();
  const listed = await app.run("conntrack -L");
  const line = listed.split("\n").find((l) => l.includes(ct.original));
  expect(line, listed).toBeDefined();
  expect(line).toContain(` ${ct.reply} `);
  expect(line).toMatch(/^tcp {6}6 \d+ [A-Z_]+ /);
  // The reply's hop back on that node found the entry as it stands now: the same line, state and
  // flags included (the timeout aside: it counts down with the clock).
  const back = await openHop(trace, new RegExp(`${node}.* conntrack`), "last");
  const now = await conntrackOf(back);
  expect(now.original).toBe(ct.original);
  const shown = (await back.locator(".inspector-ct .inspector-line").textContent())!;
  expect(shown).toContain(` ${now.state} `);
  const untimed = (l: string) => l.replace(/^(\w+ +\d+) \d+ /, "$1 ");
  expect(untimed(line!)).toBe(untimed(shown));

  // A pod's packet is tracked on the pods' nodes, and the inspector says which: not the terminal's.
  await app.chooseSource("default/web-");
  await clearPacket(page);
  await app.sendPacket("", "web");
  await expect(trace.getByText(/^Delivered to /)).toBeVisible();
  await trace.getByRole("checkbox", { name: "DNS lookup" }).uncheck();
  const podHop = await openHop(trace, /nat POSTROUTING/);
  const podCt = await conntrackOf(podHop);
  const podNode = podCt.note.match(/^As conntrack -L lists it on (\S+) \(/)![1]!;
  await expect(hops(trace).and(page.locator('[aria-current="step"]'))).toContainText(podNode);
  if (podNode !== node) expect(await app.run("conntrack -L")).not.toContain(podCt.original);
});

test("the IPVS walk and the inspector in Korean: no English left but rules, addresses and kernel names", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = await clusterIn(page, "IPVS (lc)", "ipvs:lc");
  await sendToWeb(app);
  await app.setLanguage("ko");
  const trace = page.getByRole("region", { name: "트레이스" });
  const inspector = await openHop(trace, /filter INPUT → KUBE-IPVS-FILTER/);
  const part = inspector.locator(".walk-part-ipvs");
  await expect(part.locator(".walk-ipvs > li").first()).toHaveText(
    new RegExp(`^가상 서비스를 찾음: TCP  ${ADDRESS}:80 lc$`),
  );
  // The first connection: every server at 0, the first in the kernel's list taken.
  await expect(part.locator(".walk-ipvs > li").nth(1)).toHaveText(
    new RegExp(`^lc: 서버 3개 모두 0\\. 목록의 첫 서버가 선택됨: ${DEST}$`),
  );
  await expect(part.locator(".walk-ipvs > li").nth(2)).toHaveText(
    new RegExp(`^${DEST}: 활성 0, 비활성 0, 가중치 1 → 0$`),
  );
  await expect(inspector.getByRole("heading", { name: "왜 이쪽으로" })).toBeVisible();
  expect(await englishLeft(inspector)).toEqual([]);

  // The hop that confirmed the connection: its conntrack entry, said in Korean.
  const confirmed = await openHop(trace, /nat POSTROUTING/);
  await expect(confirmed.locator(".inspector-ct .inspector-ct-event")).toHaveText("conntrack: 새 항목");
  await expect(confirmed.locator(".inspector-ct .inspector-note")).toHaveText(
    /^\S+에서 conntrack -L이 보여 주는 모습 \(conntrack 테이블은 노드마다 따로 있음\):$/,
  );
  const node = (await confirmed.locator(".inspector-ct .inspector-note").textContent())!.split("에서")[0]!;
  expect(await englishLeft(confirmed, [node])).toEqual([]);
});

/** Kernel and tool names that stay as they are in every language. */
const KERNEL_NAMES = new Set([
  ...["IPVS", "LOCAL_IN", "Masq", "lc", "TCP", "IP", "IPv4", "L3", "L4", "skb", "Flags", "S"],
  ...["src", "dst", "sport", "dport", "flags", "mark", "x0", "conntrack"],
  ...["filter", "nat", "INPUT", "POSTROUTING"],
  // ipset's member notation (10.96.0.1,tcp:443).
  "tcp",
]);

/**
 * The English words left in `region` outside the tools' own notation (rules, conntrack lines,
 * addresses) and `names` (nodes, pods): each is checked against the kernel's and the tools'
 * names, which stay untranslated.
 */
async function englishLeft(region: Locator, names: string[] = []): Promise<string[]> {
  const text = await region.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const n of copy.querySelectorAll("code, .walk-text, .inspector-line")) n.remove();
    const texts: string[] = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? "");
    return texts.join(" ");
  });
  // Chain names (KUBE-…) are the rules' own words, a command line the tool's, a node's name its own.
  const left = names.reduce((t, name) => t.replaceAll(name, ""), text.replace(/conntrack -L/g, ""));
  const words = left.replace(/\bKUBE-[A-Z0-9-]+/g, "").match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  return words.filter((w) => !KERNEL_NAMES.has(w));
}
