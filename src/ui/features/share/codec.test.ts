import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url";
import { decodeScenario, encodeScenario, shareParam, shareUrl } from "./codec";
import { SHARE_LIMITS } from "./limits";
import type { Scenario } from "./scenario";
import { validateScenario } from "./validate";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;

const scenario: Scenario = {
  v: 1,
  seed: 7,
  manifests: [{ name: "manifests.yaml", text: WEB }],
  editor: `${WEB}# 편집 중\n`,
  mode: "ipvs",
  scheduler: "sh",
  lesson: { id: "clusterip-basics", step: 3 },
  language: "ko",
};

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe("base64url", () => {
  it("round-trips any bytes and uses only URL-safe characters", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it("matches RFC 4648's test vectors (unpadded, URL alphabet)", () => {
    const enc = (s: string) => toBase64Url(new TextEncoder().encode(s));
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map(enc)).toEqual([
      "",
      "Zg",
      "Zm8",
      "Zm9v",
      "Zm9vYg",
      "Zm9vYmE",
      "Zm9vYmFy",
    ]);
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });

  it("refuses characters outside the alphabet and impossible lengths", () => {
    expect(fromBase64Url("ab+c")).toBeNull();
    expect(fromBase64Url("ab=")).toBeNull();
    expect(fromBase64Url("abcde")).toBeNull();
  });
});

describe("share links", () => {
  it("round-trip a scenario exactly, compressed", async () => {
    const encoded = await encodeScenario(scenario);
    expect(encoded.length).toBeLessThan(JSON.stringify(scenario).length);
    expect(await decodeScenario(encoded)).toEqual({ ok: true, value: scenario });
  });

  it("live in the fragment, never sent to a server", async () => {
    const encoded = await encodeScenario(scenario);
    const url = shareUrl({ origin: "https://example.org", pathname: "/packetwalk/", search: "" }, encoded);
    expect(url).toBe(`https://example.org/packetwalk/#s=${encoded}`);
    expect(shareParam(new URL(url).hash)).toBe(encoded);
    expect(shareParam("#other=1")).toBeNull();
  });

  it("refuse a fragment over the compressed limit before inflating it", async () => {
    const result = await decodeScenario("A".repeat(Math.ceil((SHARE_LIMITS.compressedBytes * 4) / 3) + 4));
    expect(result).toEqual({ ok: false, error: "the link is larger than 64 KB" });
  });

  it("stop inflating a small link that would inflate past the limit", async () => {
    const bomb = await deflate(`{"v":1,"editor":"${" ".repeat(4 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(await decodeScenario(bomb)).toEqual({ ok: false, error: "the scenario is larger than 512 KB" });
  });

  it("explain damaged links", async () => {
    expect(await decodeScenario("not*base64")).toEqual({
      ok: false,
      error: "the link is not valid base64url",
    });
    expect(await decodeScenario("AAAAAAAA")).toMatchObject({ ok: false });
    expect(await decodeScenario(await deflate("<script>alert(1)</script>"))).toEqual({
      ok: false,
      error: "the link does not hold JSON",
    });
  });
});

describe("validateScenario", () => {
  const with_ = (patch: Record<string, unknown>) => validateScenario({ ...scenario, ...patch });

  it("accepts a minimal scenario", () => {
    const minimal = { v: 1, seed: 1, manifests: [], mode: "iptables", scheduler: "rr", language: "en" };
    expect(validateScenario(minimal)).toEqual({ ok: true, value: minimal });
  });

  it("refuses unknown modes, schedulers, languages and fields", () => {
    expect(with_({ mode: "userspace" })).toEqual({
      ok: false,
      error: "mode: expected one of iptables, ipvs, nftables",
    });
    expect(with_({ scheduler: "fifo" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^scheduler: /),
    });
    expect(with_({ language: "fr" })).toEqual({ ok: false, error: "language: expected one of en, ko" });
    expect(with_({ html: "<b>" })).toEqual({ ok: false, error: 'unknown field "html"' });
    expect(with_({ v: 2 })).toEqual({ ok: false, error: "v: unsupported version 2" });
  });

  it("checks types and bounds field by field", () => {
    expect(with_({ seed: 1.5 })).toMatchObject({ ok: false, error: expect.stringMatching(/^seed: /) });
    expect(with_({ seed: -1 })).toMatchObject({ ok: false });
    expect(with_({ seed: "7" })).toMatchObject({ ok: false });
    expect(with_({ manifests: "x" })).toEqual({ ok: false, error: "manifests: expected a list" });
    expect(with_({ manifests: [{ name: "../etc/passwd", text: "" }] })).toEqual({
      ok: false,
      error: "manifests[0].name: not a plain file name",
    });
    expect(with_({ manifests: [{ name: "a.yaml", text: 1 }] })).toEqual({
      ok: false,
      error: "manifests[0].text: expected a string",
    });
    expect(with_({ manifests: [{ name: "a.yaml", text: "", run: "rm -rf /" }] })).toMatchObject({
      ok: false,
    });
    const many = Array.from({ length: SHARE_LIMITS.manifestFiles + 1 }, (_, i) => ({
      name: `f${i}.yaml`,
      text: "",
    }));
    expect(with_({ manifests: many })).toEqual({ ok: false, error: "manifests: more than 16 files" });
    expect(with_({ editor: "x".repeat(SHARE_LIMITS.manifestTextLength + 1) })).toEqual({
      ok: false,
      error: "editor: longer than 262144 characters",
    });
    expect(with_({ lesson: { id: "Bad Id", step: 0 } })).toEqual({
      ok: false,
      error: "lesson.id: not a lesson id",
    });
    expect(with_({ lesson: { id: "a", step: 1e9 } })).toEqual({
      ok: false,
      error: "lesson.step: expected a step number",
    });
    expect(validateScenario(null)).toEqual({ ok: false, error: "expected an object" });
    expect(validateScenario([])).toEqual({ ok: false, error: "expected an object" });
  });

  it("carries the packets sent and the position in the last trace", () => {
    const packets = [
      { send: { from: { type: "pod", namespace: "default", name: "client" }, target: "web", port: 80 } },
      { burst: { from: { type: "external" }, target: "10.96.0.10:53", proto: "UDP" }, count: 100 },
      { run: "kubectl exec client -- curl -s web" },
    ];
    const trace = { hop: 7, folded: ["dns", "conntrack"] };
    expect(with_({ packets, trace })).toEqual({ ok: true, value: { ...scenario, packets, trace } });
  });

  it("refuses packets and trace positions that are not what the app sends", () => {
    const send = (request: unknown) => with_({ packets: [{ send: request }] });
    expect(send({ from: { type: "pod", namespace: "a", name: "b" }, target: "web", port: 0 })).toEqual({
      ok: false,
      error: "packets[0].send.port: expected an integer from 1 to 65535",
    });
    expect(send({ from: { type: "vm" }, target: "web" })).toEqual({
      ok: false,
      error: "packets[0].send.from.type: expected one of pod, node, external",
    });
    expect(send({ from: { type: "node", node: "n" }, target: "web", script: "x" })).toEqual({
      ok: false,
      error: 'packets[0].send: unknown field "script"',
    });
    expect(
      with_({ packets: [{ burst: { from: { type: "external" }, target: "web" }, count: 5000 }] }),
    ).toEqual({
      ok: false,
      error: "packets[0].count: expected an integer from 1 to 1000",
    });
    expect(with_({ packets: [{ run: "x".repeat(SHARE_LIMITS.lineLength + 1) }] })).toMatchObject({
      ok: false,
    });
    expect(with_({ packets: [{ ping: "web" }] })).toEqual({
      ok: false,
      error: "packets[0]: expected send, burst or run",
    });
    expect(
      with_({ packets: Array.from({ length: SHARE_LIMITS.packets + 1 }, () => ({ run: "trace web" })) }),
    ).toEqual({
      ok: false,
      error: "packets: more than 64",
    });
    expect(with_({ trace: { hop: -1, folded: [] } })).toEqual({
      ok: false,
      error: "trace.hop: expected an integer from 0 to 10000",
    });
    expect(with_({ trace: { hop: 1, folded: ["dns", "arp"] } })).toEqual({
      ok: false,
      error: "trace.folded[1]: expected one of dns, request, reply, conntrack",
    });
  });
});
