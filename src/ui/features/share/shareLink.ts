import type { RedactResult } from "../../../engine/api/import/redact";
import type { ManifestFile } from "../../../engine/simulation";
import { currentRecord } from "../../session/current";
import type { SessionRecord } from "../../session/record";
import { useAppStore } from "../../store";
import { engine } from "../../worker/client";
import { encodeShare, shareUrl } from "./codec";

/**
 * The link to what is on screen: the session record of the workspace. A
 * room's link (`lessonOnly`) leaves out the editor's draft: it holds the
 * lesson and its step (each student's browser rebuilds the cluster), what
 * was done on top of the step (the packets sent) and the trace's position,
 * so a link made on a step as it ran stays short (a coarse QR code).
 */
export async function shareLink(lessonOnly = false, redact = false): Promise<string> {
  const s = useAppStore.getState();
  const record = currentRecord(s);
  if (lessonOnly) delete record.draft;
  const shared = redact ? await redacted(record) : record;
  return shareUrl(window.location, await encodeShare({ record: shared, language: s.language }));
}

/** Whether the workspace holds an imported cluster: its link carries the cluster's objects. */
export function holdsImport(record: SessionRecord): boolean {
  return record.journal.some((e) => e.op === "import");
}

/**
 * The record with each imported dump made fit to share by the engine (in its worker): no
 * annotations, no status beyond addresses and readiness, no environment variable values.
 */
async function redacted(record: SessionRecord): Promise<SessionRecord> {
  const journal = await Promise.all(
    record.journal.map(async (e) => {
      if (e.op !== "import") return e;
      const out = await engine.call<RedactResult>((api) => api.redactDump(e.files[0]));
      if (!("text" in out)) throw new Error(out.errors[0]?.message ?? "the dump could not be read");
      return { op: "import" as const, files: [{ name: e.files[0].name, text: out.text }] as [ManifestFile] };
    }),
  );
  return { ...record, journal };
}
