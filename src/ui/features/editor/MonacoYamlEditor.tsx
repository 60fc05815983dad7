import { useEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { MARKER_OWNER, toMarkerData } from "./monaco/markers";
import { manifestModel, monaco } from "./monaco/setup";
import { monacoTheme } from "./monaco/theme";

/**
 * Monaco on the store's `text`: edits go to `setText`, outside changes (an example, a lesson)
 * replace the model's text, and the API server's refusals appear as error markers on their lines.
 * yaml-language-server adds completion, hover and schema validation per `---` document.
 */
export function MonacoYamlEditor() {
  const t = useT();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const text = useAppStore((s) => s.text);
  const markers = useAppStore((s) => s.markers);
  const theme = useAppStore((s) => s.theme);
  const setText = useAppStore((s) => s.setText);
  const label = t("editor.textarea");

  // Created once; the effects below (run after it, in order) bring in text, markers, label and theme.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const model = manifestModel(useAppStore.getState().text);
    const editor = monaco.editor.create(host, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    const subscription = model.onDidChangeContent(() => setText(model.getValue()));
    editorRef.current = editor;
    return () => {
      subscription.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, [setText]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === text) return;
    // An edit rather than setValue: the change stays undoable.
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  }, [text]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMarkerData(markers, model, monaco.MarkerSeverity.Error),
    );
  }, [markers]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(theme));
  }, [theme]);

  return <div ref={hostRef} className="editor-host" />;
}
