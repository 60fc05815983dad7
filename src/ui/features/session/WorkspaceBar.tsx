import { useState } from "react";
import { useT } from "../../i18n/useT";
import { backToOwn, keepAsOwn } from "../../session/workspaces";
import { useAppStore } from "../../store";
import "./session.css";

/**
 * Says whose workspace is on screen when it is not the user's own (a lesson,
 * a shared link), and brings the user's own work back in one click.
 */
export function WorkspaceBar() {
  const t = useT();
  const workspace = useAppStore((s) => s.workspace);
  const hasOwn = useAppStore((s) => s.parked !== null);
  const restoring = useAppStore((s) => s.restoring);
  const [leaving, setLeaving] = useState(false);
  if (workspace === "own") return null;
  const back = async () => {
    setLeaving(true);
    try {
      await backToOwn();
    } finally {
      setLeaving(false);
    }
  };
  return (
    <section className="workspace-bar" aria-label={t("workspace.region")}>
      <p>{t(workspace === "lesson" ? "workspace.lesson" : "workspace.shared")}</p>
      <button type="button" className="primary" onClick={() => void back()} disabled={leaving || restoring}>
        {t(hasOwn ? "workspace.back" : "workspace.leave")}
      </button>
      {workspace === "share" ? (
        <button type="button" onClick={keepAsOwn} disabled={leaving || restoring}>
          {t("workspace.keep")}
        </button>
      ) : null}
    </section>
  );
}
