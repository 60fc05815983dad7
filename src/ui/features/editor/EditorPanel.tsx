import { useCallback, useEffect, useRef } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { applyEditor } from "../../store/actions";
import { ExamplePicker } from "./ExamplePicker";
import { PlainYamlEditor } from "./PlainYamlEditor";
import { useApplyStatus } from "./useApplyStatus";
import { useMonacoEditor } from "./useMonacoEditor";
import { useMonacoWhenShown } from "./useMonacoWhenShown";
import "./editor.css";

interface Props {
  /** On screen: Monaco lives only while shown (a hidden Monaco that is edited breaks its view). */
  shown: boolean;
  /** Collapses the panel; absent where the panel cannot be collapsed (a phone's tab). */
  onHide?: () => void;
}

/**
 * The manifests: a plain text area at first, Monaco once the editor is shown and the page is idle
 * (or the user focuses it), with the engine's refusals as markers, Apply (button or
 * Ctrl/Cmd+Enter), and what the last apply did.
 */
export function EditorPanel({ shown, onHide }: Props) {
  const t = useT();
  const markers = useAppStore((s) => s.markers);
  const busy = useAppStore((s) => s.busy);
  const status = useApplyStatus();
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
    <section className="editor-panel panel" aria-label={t("editor.region")} ref={regionRef}>
      <div className="panel-bar editor-toolbar">
        <h2 className="panel-title">
          <Icon name="manifests" />
          {t("editor.region")}
        </h2>
        <ExamplePicker />
        <button
          type="button"
          className="button button-primary"
          onClick={apply}
          disabled={busy}
          title={t("editor.applyHint")}
        >
          {t("editor.apply")}
        </button>
        {onHide ? (
          <button
            type="button"
            className="icon-button"
            onClick={onHide}
            aria-label={t("editor.hide")}
            title={t("editor.hide")}
          >
            <Icon name="close" />
          </button>
        ) : null}
      </div>
      <p className={`status status-${status.tone}`} role="status">
        {status.text ? <span className="status-dot" aria-hidden="true" /> : null}
        {status.text}
      </p>
      {Editor ? (
        shown ? (
          <Editor handoff={handoff} />
        ) : null
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
