import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SessionRecord } from "../../session/record";
import { fromBase64Url, toBase64Url } from "./base64url";
import { decodeShare, encodeShare, type SharePayload, shareParam, shareUrl } from "./codec";
import { SHARE_LIMITS } from "./limits";

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

const record: SessionRecord = {
  v: 2,
  seed: 7,
  journal: [
    { op: "apply", files: [{ name: "manifests.yaml", text: WEB }] },
    { op: "run", line: "kubectl scale deployment web --replicas=4" },
    { op: "mode", mode: "ipvs", scheduler: "sh" },
    { op: "send", request: { from: { type: "pod", namespace: "default", name: "testnet" }, target: "web" } },
  ],
  draft: `${WEB}# 편집 중\n`,
  trace: { entry: 3, hop: 2 },
};

const payload: SharePayload = { record, language: "ko" };

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
  it("round-trip a session record exactly, compressed", async () => {
    const encoded = await encodeShare(payload);
    expect(encoded.length).toBeLessThan(JSON.stringify(payload).length);
    expect(await decodeShare(encoded)).toEqual({ ok: true, value: payload });
  });

  it("live in the fragment, never sent to a server", async () => {
    const encoded = await encodeShare(payload);
    const url = shareUrl({ origin: "https://example.org", pathname: "/packetwalk/", search: "" }, encoded);
    expect(url).toBe(`https://example.org/packetwalk/#s=${encoded}`);
    expect(shareParam(new URL(url).hash)).toBe(encoded);
    expect(shareParam("#other=1")).toBeNull();
  });

  it("open version-1 links: their manifests applied, then their mode, their draft kept", async () => {
    const v1 = {
      v: 1,
      seed: 7,
      manifests: [{ name: "manifests.yaml", text: WEB }],
      editor: `${WEB}# 편집 중\n`,
      mode: "ipvs",
      scheduler: "sh",
      language: "ko",
    };
    expect(await decodeShare(await deflate(JSON.stringify(v1)))).toEqual({
      ok: true,
      value: {
        language: "ko",
        record: {
          v: 2,
          seed: 7,
          journal: [
            { op: "apply", files: [{ name: "manifests.yaml", text: WEB }] },
            { op: "mode", mode: "ipvs", scheduler: "sh" },
          ],
          draft: `${WEB}# 편집 중\n`,
        },
      },
    });
    const lesson = { ...v1, lesson: { id: "seed-services", step: 3 } };
    expect(await decodeShare(await deflate(JSON.stringify(lesson)))).toMatchObject({
      ok: true,
      value: { record: { lesson: { id: "seed-services", step: 3 }, journal: [] } },
    });
    expect(await decodeShare(await deflate(JSON.stringify({ ...v1, mode: "userspace" })))).toEqual({
      ok: false,
      error: "mode: expected one of iptables, ipvs, nftables",
    });
  });

  it("refuse a fragment over the compressed limit before inflating it", async () => {
    const result = await decodeShare("A".repeat(Math.ceil((SHARE_LIMITS.compressedBytes * 4) / 3) + 4));
    expect(result).toEqual({ ok: false, error: "the link is larger than 64 KB" });
  });

  it("stop inflating a small link that would inflate past the limit", async () => {
    const bomb = await deflate(`{"v":2,"draft":"${" ".repeat(4 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(await decodeShare(bomb)).toEqual({ ok: false, error: "the scenario is larger than 1024 KB" });
  });

  it("explain damaged and hostile links", async () => {
    expect(await decodeShare("not*base64")).toEqual({ ok: false, error: "the link is not valid base64url" });
    expect(await decodeShare("AAAAAAAA")).toMatchObject({ ok: false });
    expect(await decodeShare(await deflate("<script>alert(1)</script>"))).toEqual({
      ok: false,
      error: "the link does not hold JSON",
    });
    const link = (session: unknown) => deflate(JSON.stringify({ v: 2, language: "en", session }));
    expect(await decodeShare(await link({ ...record, html: "<b>" }))).toEqual({
      ok: false,
      error: 'session: session: unknown field "html"',
    });
    expect(await decodeShare(await link({ ...record, journal: [{ op: "rm", line: "-rf" }] }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^session: journal\[0\]\.op: expected one of apply, import, run/),
    });
    expect(await decodeShare(await deflate(JSON.stringify({ ...payload, v: 3 })))).toEqual({
      ok: false,
      error: "v: unsupported version 3",
    });
  });
});
