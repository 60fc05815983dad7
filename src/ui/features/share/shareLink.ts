import { currentRecord } from "../../session/current";
import { useAppStore } from "../../store";
import { encodeShare, shareUrl } from "./codec";

/**
 * The link to what is on screen: the session record of the workspace. A
 * room's link (`lessonOnly`) leaves out the editor's draft: it holds the
 * lesson and its step (each student's browser rebuilds the cluster), what
 * was done on top of the step (the packets sent) and the trace's position,
 * so a link made on a step as it ran stays short (a coarse QR code).
 */
export async function shareLink(lessonOnly = false): Promise<string> {
  const s = useAppStore.getState();
  const record = currentRecord(s);
  if (lessonOnly) delete record.draft;
  return shareUrl(window.location, await encodeShare({ record, language: s.language }));
}
