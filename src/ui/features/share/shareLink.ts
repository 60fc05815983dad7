import { currentRecord } from "../../session/current";
import { SESSION_VERSION, type SessionRecord } from "../../session/record";
import { useAppStore } from "../../store";
import { encodeShare, shareUrl } from "./codec";

/**
 * The link to what is on screen: the session record of the workspace, or,
 * for a room (`lessonOnly`), just the lesson and its step, which is all a
 * student's browser needs to rebuild it (and makes a small QR code).
 */
export async function shareLink(lessonOnly = false): Promise<string> {
  const s = useAppStore.getState();
  const record: SessionRecord =
    lessonOnly && s.lessonId
      ? { v: SESSION_VERSION, seed: 1, lesson: { id: s.lessonId, step: s.lessonStep }, journal: [] }
      : currentRecord(s);
  return shareUrl(window.location, await encodeShare({ record, language: s.language }));
}
