import { fromBase64Url, toBase64Url } from "./base64url";
import { SHARE_LIMITS } from "./limits";
import type { Scenario } from "./scenario";
import { type Validated, validateScenario } from "./validate";

/** The fragment parameter that carries a scenario: `#s=…`. */
export const SHARE_PARAM = "s";

async function pipeBytes(
  bytes: Uint8Array,
  stream: GenericTransformStream,
  limit: number,
): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A scenario as the fragment's value: JSON, deflate-raw (the browser's own CompressionStream), base64url. */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  const deflated = await pipeBytes(json, new CompressionStream("deflate-raw"), Number.POSITIVE_INFINITY);
  return toBase64Url(deflated!);
}

/**
 * Reads a fragment value back into a scenario. Bounded before and while
 * inflating (a tiny link must not inflate into gigabytes), then validated
 * field by field. Never throws.
 */
export async function decodeScenario(encoded: string): Promise<Validated<Scenario>> {
  if (encoded.length > Math.ceil((SHARE_LIMITS.compressedBytes * 4) / 3)) {
    return { ok: false, error: `the link is larger than ${SHARE_LIMITS.compressedBytes / 1024} KB` };
  }
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, error: "the link is not valid base64url" };
  let json: Uint8Array | null;
  try {
    json = await pipeBytes(bytes, new DecompressionStream("deflate-raw"), SHARE_LIMITS.decompressedBytes);
  } catch {
    return { ok: false, error: "the link is damaged (it does not inflate)" };
  }
  if (!json)
    return { ok: false, error: `the scenario is larger than ${SHARE_LIMITS.decompressedBytes / 1024} KB` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch {
    return { ok: false, error: "the link does not hold JSON" };
  }
  return validateScenario(parsed);
}

/** The fragment's scenario value, if the fragment holds one (`#s=…`). */
export function shareParam(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  return params.get(SHARE_PARAM);
}

/** The page's address with the scenario in its fragment. */
export function shareUrl(
  location: { origin: string; pathname: string; search: string },
  encoded: string,
): string {
  return `${location.origin}${location.pathname}${location.search}#${SHARE_PARAM}=${encoded}`;
}
