import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { type ApplyStatusKind, applyStatus, type StatusTone, statusTone } from "./applyStatus";

/** The editor's apply status as the user reads it: a tone and a sentence in their language. */
export function useApplyStatus(): { tone: StatusTone; text: string } {
  const t = useT();
  const dirty = useAppStore((s) => s.unapplied);
  const last = useAppStore((s) => s.lastApply);
  const status = applyStatus(dirty, last);
  return { tone: statusTone(status), text: statusText(status, t) };
}

function statusText(s: ApplyStatusKind, t: ReturnType<typeof useT>): string {
  switch (s.kind) {
    case "unapplied":
      return t("editor.unapplied");
    case "nothing":
      return `${t("editor.nothingApplied")} · ${t("editor.errors", { count: s.refused })}`;
    case "partial":
      return `${t("editor.appliedSome", { count: s.applied })} · ${t("editor.errors", { count: s.refused })}`;
    case "refused":
      return `${t("editor.inSync")} · ${t("editor.errors", { count: s.refused })}`;
    case "applied":
      return t("editor.inSync");
    case "empty":
      return "";
  }
}
