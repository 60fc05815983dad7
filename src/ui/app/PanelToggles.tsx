import { Icon } from "../components/Icon";
import { useApplyStatus } from "../features/editor/useApplyStatus";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";

/** Which panels sit beside the diagram: the manifests (left), the lesson or the trace (right). */
export function PanelToggles() {
  const t = useT();
  const editorOpen = useAppStore((s) => s.editorOpen);
  const side = useAppStore((s) => s.side);
  const hops = useAppStore((s) => s.trace?.hops.length ?? 0);
  const setEditorOpen = useAppStore((s) => s.setEditorOpen);
  const setSide = useAppStore((s) => s.setSide);
  const status = useApplyStatus();
  return (
    <nav className="panel-toggles" aria-label={t("app.panels")}>
      <button
        type="button"
        className="toggle"
        aria-pressed={editorOpen}
        aria-controls="wb-editor"
        onClick={() => setEditorOpen(!editorOpen)}
      >
        <Icon name="manifests" />
        {t("editor.region")}
        {status.tone !== "ok" && status.tone !== "none" ? (
          <span className={`toggle-dot status-${status.tone}`} title={status.text} aria-hidden="true" />
        ) : null}
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={side === "lesson"}
        aria-controls="side-panel"
        onClick={() => setSide(side === "lesson" ? null : "lesson")}
      >
        <Icon name="lesson" />
        {t("lesson.region")}
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={side === "trace"}
        aria-controls="side-panel"
        onClick={() => setSide(side === "trace" ? null : "trace")}
      >
        <Icon name="trace" />
        {t("trace.region")}
        {hops ? (
          <span className="toggle-count" aria-hidden="true">
            {hops}
          </span>
        ) : null}
      </button>
    </nav>
  );
}
