import { useCallback, useEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { applyEditor } from "../../store/actions";
import { ExamplePicker } from "./ExamplePicker";
import { PlainYamlEditor } from "./PlainYamlEditor";
import { useMonacoEditor } from "./useMonacoEditor";
import { useMonacoWhenShown } from "./useMonacoWhenShown";

/**
 * The manifests: a plain text area at first, Monaco once the editor is shown and the page is idle
 * (or the user focuses it), with the engine's refusals as markers, Apply (button or
 * Ctrl/Cmd+Enter), and whether the editor holds changes the cluster has not seen.
 */
export function EditorPanel() {
  const t = useT();
  const text = useAppStore((s) => s.text);
  const appliedText = useAppStore((s) => s.appliedText);
  const markers = useAppStore((s) => s.markers);
  const busy = useAppStore((s) => s.busy);
  const dirty = text !== appliedText;
  const regionRef = useRef<HTMLElement>(null);
  const monaco = useMonacoWhenShown(regionRef);
  const plainRef = useRef<HTMLTextAreaElement>(null);
  const { Editor, handoff } = useMonacoEditor(monaco.wanted, plainRef);

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
    <section className="editor-panel" aria-label={t("editor.region")} ref={regionRef}>
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
      {Editor ? (
        <Editor handoff={handoff} />
      ) : (
        <PlainYamlEditor label={t("editor.textarea")} textareaRef={plainRef} onEngage={monaco.want} />
      )}
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
