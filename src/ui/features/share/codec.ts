import { LINK_LIMITS } from "../../session/limits";
import { parseScenarioV1, recordFromV1 } from "../../session/migrate";
import { fail, isRecord, oneOf, onlyKeys, parseRecord, type Validated, validated } from "../../session/parse";
import type { SessionRecord } from "../../session/record";
import { LANGUAGES, type Language } from "../../store/settingsSlice";
import { fromBase64Url, toBase64Url } from "./base64url";
import { SHARE_LIMITS } from "./limits";

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

/** What a link carries: a session record and the language it was shared in. */
export interface SharePayload {
  record: SessionRecord;
  language: Language;
}

/** The link's format version (version 1 held a scenario; it is migrated). */
const LINK_VERSION = 2;

/** A payload as the fragment's value: JSON, deflate-raw (the browser's own CompressionStream), base64url. */
export async function encodeShare(payload: SharePayload): Promise<string> {
  const body = { v: LINK_VERSION, language: payload.language, session: payload.record };
  const json = new TextEncoder().encode(JSON.stringify(body));
  const deflated = await pipeBytes(json, new CompressionStream("deflate-raw"), Number.POSITIVE_INFINITY);
  return toBase64Url(deflated!);
}

/** A decoded link's JSON, checked: version 2 as it is, version 1 migrated. */
export function readPayload(parsed: unknown): Validated<SharePayload> {
  if (isRecord(parsed) && parsed.v === 1) {
    const v1 = parseScenarioV1(parsed);
    return v1.ok ? { ok: true, value: { record: recordFromV1(v1.value), language: v1.value.language } } : v1;
  }
  return validated(() => {
    if (!isRecord(parsed)) fail("expected an object");
    if (parsed.v !== LINK_VERSION) fail(`v: unsupported version ${JSON.stringify(parsed.v)}`);
    onlyKeys(parsed, ["v", "language", "session"], "link");
    const language = oneOf(parsed.language, LANGUAGES, "language");
    const record = parseRecord(parsed.session, LINK_LIMITS);
    if (!record.ok) fail(`session: ${record.error}`);
    return { record: record.value, language };
  });
}

/**
 * Reads a fragment value back into a payload. Bounded before and while
 * inflating (a tiny link must not inflate into gigabytes), then validated
 * field by field. Never throws.
 */
export async function decodeShare(encoded: string): Promise<Validated<SharePayload>> {
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
  return readPayload(parsed);
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
