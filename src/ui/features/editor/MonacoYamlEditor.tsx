import { useEffect, useLayoutEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { leaveOnEscapeThenTab } from "./monaco/keyboard";
import { layoutOnResize } from "./monaco/layoutOnResize";
import { MARKER_OWNER, toMarkerData } from "./monaco/markers";
import { fitLanguage, manifestModel, monaco, PLAIN_TEXT_CHARS } from "./monaco/setup";
import { monacoTheme } from "./monaco/theme";

/** Where the user was in the plain editor Monaco replaces: the caret, and whether it had focus. */
export interface EditorHandoff {
  offset: number;
  focused: boolean;
  /** The text's length when the caret was read: what was typed after it moved the caret on. */
  length: number;
}

export interface MonacoYamlEditorProps {
  handoff: EditorHandoff;
}

/** Where the user was (caret, selection, scroll) when the editor was last hidden: it comes back there. */
let savedViewState: monaco.editor.ICodeEditorViewState | null = null;

/**
 * The inner boxes Monaco scrolls itself (by transforms, never natively). A browser that scrolls one
 * to reveal something (the caret's text area, a find-in-page match) slides the text out of sight
 * while Monaco's scrollbar still reads 0: only the line numbers would show. CSS makes them
 * `overflow: clip` (editor.css); this undoes a scroll where clip is not supported.
 */
const NEVER_SCROLLED = ".overflow-guard, .monaco-scrollable-element.editor-scrollable";

/**
 * Monaco on the store's `text`: edits go to `setText`, outside changes (an example, a lesson)
 * replace the model's text, and the API server's refusals appear as error markers on their lines.
 * yaml-language-server adds completion, hover and schema validation per `---` document.
 */
export function MonacoYamlEditor({ handoff }: MonacoYamlEditorProps) {
  const t = useT();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const markers = useAppStore((s) => s.markers);
  const theme = useAppStore((s) => s.theme);
  const setText = useAppStore((s) => s.setText);
  const label = t("editor.textarea");

  // Created once; the effects below (run after it, in order) bring in markers, label and theme.
  // A layout effect: the plain editor leaves the page in the same task as Monaco takes the focus,
  // so no key the user types during the swap lands on the page's body and is lost.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const model = manifestModel(useAppStore.getState().text);
    const editor = monaco.editor.create(host, {
      model,
      // No folding to start on a dump's text (fitLanguage keeps it in step with the language).
      folding: model.getLanguageId() === "yaml",
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbersMinChars: 3,
      glyphMargin: false,
      padding: { top: 8 },
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    const stopLayout = layoutOnResize(editor, host);
    fitLanguage(editor, model);
    let syncing = false;
    const subscription = model.onDidChangeContent(() => {
      fitLanguage(editor, model);
      // The store already holds an outside change: copying a dump's text back out is tens of MB.
      if (!syncing) setText(model.getValue());
    });
    // Outside changes (an example, a lesson, a share link, a dropped file) replace the text as an
    // edit, so they stay undoable. The store is read when it changes, never a render's copy of it:
    // an example arriving while Monaco mounts must not be overwritten by the older text.
    const sync = (text: string) => {
      if (model.getValue() === text) return;
      // Plain text before a dump lands (YAML again only once a small text is in: the listener).
      if (text.length > PLAIN_TEXT_CHARS) fitLanguage(editor, model, text.length);
      syncing = true;
      try {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      } finally {
        syncing = false;
      }
    };
    sync(useAppStore.getState().text);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.text !== prev.text) sync(s.text);
    });
    const keyboard = leaveOnEscapeThenTab(monaco, editor);
    editorRef.current = editor;
    const unscroll = (e: Event) => {
      const el = e.target;
      if (el instanceof HTMLElement && el.matches(NEVER_SCROLLED) && (el.scrollLeft || el.scrollTop)) {
        el.scrollLeft = 0;
        el.scrollTop = 0;
      }
    };
    host.addEventListener("scroll", unscroll, true);
    // The user was typing in the plain editor: carry on in Monaco at the same place.
    if (handoff.focused) {
      // Keys typed between reading the caret and this mount went in at the caret.
      const typed = model.getValueLength() - handoff.length;
      editor.setPosition(model.getPositionAt(Math.max(0, handoff.offset + typed)));
      editor.focus();
    } else if (savedViewState) {
      editor.restoreViewState(savedViewState);
    }
    return () => {
      savedViewState = editor.saveViewState();
      host.removeEventListener("scroll", unscroll, true);
      stopLayout();
      subscription.dispose();
      unsubscribe();
      keyboard.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, [setText, handoff]);

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
