import { useT } from "../../i18n/useT";
import { resolveConflict } from "../../session/persistence";
import { useAppStore } from "../../store";

/**
 * Why the work is not being saved: storage full or disabled, or the browser refused to store a
 * cluster dump's text (the work lives in this tab only), or another tab saved over it (the user
 * chooses whose work to keep; nothing is overwritten silently).
 */
export function SaveStatus() {
  const t = useT();
  const problem = useAppStore((s) => s.saveProblem);
  if (!problem) return null;
  if (problem.kind === "conflict") {
    return (
      <div className="save-status" role="alert">
        <p>{t("save.conflict")}</p>
        <button type="button" onClick={() => resolveConflict("theirs")}>
          {t("save.loadOther")}
        </button>
        <button type="button" onClick={() => resolveConflict("mine")}>
          {t("save.keepMine")}
        </button>
      </div>
    );
  }
  return (
    <div className="save-status" role="alert">
      <p>
        {problem.kind === "bigRefused"
          ? t("save.bigRefused", { size: (problem.chars / (1024 * 1024)).toFixed(1) })
          : t(problem.kind === "full" ? "save.full" : "save.disabled")}
      </p>
    </div>
  );
}
