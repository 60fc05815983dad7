import { lazy, Suspense, useCallback, useEffect } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { applyEditor } from "../../store/actions";
import { ExamplePicker } from "./ExamplePicker";

const MonacoYamlEditor = lazy(() =>
  import("./MonacoYamlEditor").then((m) => ({ default: m.MonacoYamlEditor })),
);

/**
 * The manifests: Monaco (loaded on demand) with the engine's refusals as
 * markers, Apply (button or Ctrl/Cmd+Enter), and whether the editor holds
 * changes the cluster has not seen.
 */
export function EditorPanel() {
  const t = useT();
  const text = useAppStore((s) => s.text);
  const appliedText = useAppStore((s) => s.appliedText);
  const markers = useAppStore((s) => s.markers);
  const busy = useAppStore((s) => s.busy);
  const dirty = text !== appliedText;

  const apply = useCallback(() => void applyEditor(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        apply();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [apply]);

  return (
    <section className="editor-panel" aria-label={t("editor.region")}>
      <div className="editor-toolbar">
        <button type="button" onClick={apply} disabled={busy} title={t("editor.applyHint")}>
          {t("editor.apply")}
        </button>
        <span className={dirty ? "status status-dirty" : "status"} role="status">
          {dirty ? t("editor.unapplied") : t("editor.inSync")}
          {markers.length > 0 ? ` · ${t("editor.errors", { count: markers.length })}` : ""}
        </span>
        <ExamplePicker />
      </div>
      <Suspense fallback={<p className="muted">{t("editor.loading")}</p>}>
        <MonacoYamlEditor />
      </Suspense>
      {markers.length > 0 ? (
        <ul className="editor-errors" aria-live="polite">
          {markers.map((m) => (
            <li key={`${m.line}:${m.message}`}>
              <code>
                {m.line}:{m.column}
              </code>{" "}
              {m.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
