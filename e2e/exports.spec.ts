/**
 * What leaves the page: "Copy trace as text" puts the packet's whole story on the clipboard (each
 * hop with its chain walk nested under it, the statistic rolls, the rule that decided), "Export
 * trace" downloads the same text in the reader's language, and the diagram exports as an SVG that
 * parses and holds the diagram's labels and the packet's hop markers, and as a PNG of the SVG's size
 * at twice its scale that is not blank.
 */
import { expect, type Page, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webManifest } from "./fixtures/manifests";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.locator("#app-menu");
  if (!(await menu.isVisible())) await page.getByRole("button", { name: /^(More|더 보기)$/ }).click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("button", { name: button }).click(),
  ]);
  const bytes = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c));
  await page.keyboard.press("Escape");
  return { name: file.suggestedFilename(), bytes };
}

test("Copy trace and Export trace carry the nested walk; the diagram's SVG parses with its labels and hops, its PNG is that size and not blank", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.applyManifest(webManifest(3));
  await expect(app.items("Pod web-")).toHaveCount(3);
  await app.sendPacket("", "web");
  const trace = await app.openTrace();
  const verdict = trace.getByText(/^Delivered to /);
  await expect(verdict).toBeVisible();
  const [, pod, backend] = (await verdict.textContent())!.match(/^Delivered to (\S+) \((\S+)\)$/)!;

  // The clipboard: the packet's hops, each walk nested under its hop as `trace -v` draws it.
  await trace.getByRole("button", { name: "Copy trace as text" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(`# web (iptables) → delivered ${pod} ${backend}\n`)).toBe(true);
  const lines = copied.split("\n");
  // KUBE-SERVICES jumps to the Service's chain, whose statistic rules each show the draw made.
  expect(copied).toMatch(/[├└]─ \d+ ✓ -A KUBE-SERVICES .*-j KUBE-SVC-[A-Z0-9]{16}\n/);
  const rolls = lines.flatMap((l, i) =>
    /--probability 0\.\d{11}/.test(l) ? [lines[i + 1]!.trim().replace(/^│\s*/, "")] : [],
  );
  expect(rolls.length).toBeGreaterThan(0);
  for (const roll of rolls) expect(roll).toMatch(/^drew 0\.\d{11} [<≥] 0\.\d{11}: (no )?match$/);
  // The endpoint chain's DNAT decided, to the backend the trace panel names.
  expect(copied).toMatch(
    new RegExp(`-A KUBE-SEP-[A-Z0-9]{16} .*-j DNAT --to-destination ${backend}  ← decides`),
  );
  // One numbered line a hop, as many as the panel lists.
  const hopLines = lines.filter((l) => /^ {0,2}\d+ {2}(request|reply|dns) /.test(l));
  await expect(trace.locator("ol.trace-hops > li")).toHaveCount(hopLines.length);

  // Export trace: the same text, downloaded; in Korean both are in Korean.
  const exported = await downloaded(page, "Export trace");
  expect(exported.name).toBe("packetwalk-trace.txt");
  expect(exported.bytes.toString("utf8")).toBe(copied);
  await app.setLanguage("ko");
  await page
    .getByRole("region", { name: "트레이스" })
    .getByRole("button", { name: "트레이스를 텍스트로 복사" })
    .click();
  const copiedKo = await page.evaluate(() => navigator.clipboard.readText());
  expect(copiedKo).not.toBe(copied);
  expect(copiedKo).toMatch(/\d+ ✓ -A KUBE-SERVICES /);
  expect((await downloaded(page, "트레이스 내보내기")).bytes.toString("utf8")).toBe(copiedKo);
  await app.setLanguage("en");

  // SVG: well-formed, standalone, with every label the diagram shows and the packet's hop markers.
  const svg = await downloaded(page, "Export SVG");
  expect(svg.name).toBe("packetwalk-topology.svg");
  const live = await page.evaluate(() => ({
    texts: [...document.querySelectorAll("#topology svg text")].map((t) => t.textContent ?? ""),
    hops: document.querySelectorAll("#topology svg .topo-hop").length,
  }));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: `${root.namespaceURI} ${root.localName}`,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? ""),
      hops: doc.querySelectorAll(".topo-hop").length,
      paths: doc.querySelectorAll(".topo-path").length,
    };
  }, svg.bytes.toString("utf8"));
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("http://www.w3.org/2000/svg svg");
  expect(parsed.texts).toEqual(live.texts);
  expect(parsed.texts.some((t) => t.startsWith("web-"))).toBe(true);
  expect(parsed.hops).toBe(live.hops);
  expect(parsed.hops).toBe(hopLines.length);
  expect(parsed.paths).toBeGreaterThan(0);

  // PNG: the signature, IHDR's size twice the SVG's, and more than one colour drawn.
  const png = await downloaded(page, "Export PNG");
  expect(png.name).toBe("packetwalk-topology.png");
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  const size = { width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) };
  expect(size).toEqual({ width: parsed.width * 2, height: parsed.height * 2 });
  expect(size.width).toBeGreaterThan(400);
  expect(size.height).toBeGreaterThan(200);
  const colours = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 31)
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  }, png.bytes.toString("base64"));
  expect(colours).toBeGreaterThan(8);
});
