import { useCallback, useEffect, useMemo, useRef } from "react";
import { looksLikeDump } from "../../../engine/api/import/read/looksLikeDump";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { applyEditor, importEditor } from "../../store/actions";
import { ImportProgress } from "../importer/ImportProgress";
import { ImportReportView } from "../importer/ImportReportView";
import { useFileDrop } from "../importer/useFileDrop";
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
 * Ctrl/Cmd+Enter), and what the last apply did. A cluster dump (pasted, or a file dropped on the
 * page) is offered for import instead — applying it would allocate its addresses afresh — and the
 * import's report is shown here.
 */
export function EditorPanel({ shown, onHide }: Props) {
  const t = useT();
  const markers = useAppStore((s) => s.markers);
  const busy = useAppStore((s) => s.busy);
  const status = useApplyStatus();
  const text = useAppStore((s) => s.text);
  const importing = useAppStore((s) => s.importing);
  const importReport = useAppStore((s) => s.importReport);
  const setImportReport = useAppStore((s) => s.setImportReport);
  const dump = useMemo(() => looksLikeDump(text), [text]);
  useFileDrop();
  const regionRef = useRef<HTMLElement>(null);
  const monaco = useMonacoWhenShown(regionRef);
  const plainRef = useRef<HTMLTextAreaElement>(null);
  const { Editor, handoff } = useMonacoEditor(monaco.wanted, plainRef);

  const apply = useCallback(() => void applyEditor(), []);
  const runImport = useCallback(() => void importEditor(), []);
  const primary = dump ? runImport : apply;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        primary();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [primary]);

  return (
    <section className="editor-panel panel" aria-label={t("editor.region")} ref={regionRef}>
      <div className="panel-bar editor-toolbar">
        <h2 className="panel-title">
          <Icon name="manifests" />
          {t("editor.region")}
        </h2>
        <ExamplePicker />
        {dump ? (
          <button
            type="button"
            className="button button-primary import-button"
            onClick={runImport}
            disabled={busy || importing !== null}
            title={t("editor.applyHint")}
          >
            {t("import.button")}
          </button>
        ) : null}
        <button
          type="button"
          className={dump ? "button" : "button button-primary"}
          onClick={apply}
          disabled={busy || importing !== null}
          title={dump ? t("import.applyInstead") : t("editor.applyHint")}
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
      {dump || importing !== null ? (
        // The bar takes the hint's place, in the same cell: starting an import resizes nothing
        // (Monaco, below, would lay out its whole view again).
        <div className="import-slot">
          {dump ? (
            <p className={importing === null ? "dump-hint" : "dump-hint behind"}>{t("import.detected")}</p>
          ) : null}
          {importing !== null ? <ImportProgress chars={importing} /> : null}
        </div>
      ) : null}
      {importReport && importing === null ? (
        <ImportReportView report={importReport} onClose={() => setImportReport(null)} />
      ) : null}
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
