import { useEffect, useLayoutEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { flatten, flushPendingText, setPendingText } from "../../store/editorText";
import { FILL_SLICE_CHARS, fillModel, type ModelFill, sliceEnd } from "./monaco/fillModel";
import { leaveOnEscapeThenTab } from "./monaco/keyboard";
import { markedLarge, showWhileFilling, unmarkIfSmall } from "./monaco/largeModel";
import { layoutOnResize } from "./monaco/layoutOnResize";
import { MARKER_OWNER, toMarkerData } from "./monaco/markers";
import { fitLanguage, manifestModel, monaco, optionsFor, PLAIN_TEXT_CHARS } from "./monaco/setup";
import { monacoTheme } from "./monaco/theme";
import { pushReplaceStep } from "./monaco/undoStep";

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

/** How long typing in a dump pauses before its text is copied to the store. */
const TYPING_PAUSE_MS = 300;
/** How much of a text going in slice by slice the editor shows meanwhile: pages of it, no more. */
const HEAD_CHARS = 32 * 1024;

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
  const filling = t("editor.filling");

  // Created once; the effects below (run after it, in order) bring in markers, label and theme.
  // A layout effect: the plain editor leaves the page in the same task as Monaco takes the focus,
  // so no key the user types during the swap lands on the page's body and is lost.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // A big text (a restored dump) goes in after the editor is made, a slice per task: see sync.
    const initial = useAppStore.getState().text;
    const model = manifestModel(initial.length > FILL_SLICE_CHARS ? "" : initial, initial.length);
    const editor = monaco.editor.create(host, {
      model,
      // No folding, suggestions or links to start on a dump's text (fitLanguage keeps them in step).
      ...optionsFor(model.getLanguageId()),
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
    });
    const stopLayout = layoutOnResize(editor, host);
    // Plain text if what the model holds or is about to get is a dump (sync, then the listener, refit).
    fitLanguage(editor, model, Math.max(model.getValueLength(), initial.length));
    let syncing = false;
    /** The text the editor last gave the store: the store handing it back is no change. */
    let typed: string | null = null;
    /** A big text still going into the model: the editor is read-only until it is all in. */
    let fill: ModelFill | null = null;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const copyOut = () => {
      clearTimeout(pause);
      setPendingText(null);
      typed = model.getValue();
      setText(typed);
    };
    /** Once typing pauses: a dump's text made whole in one task, handed to the store in the next. */
    const copyOutLater = () => {
      const text = flatten(model.getValue());
      const version = model.getVersionId();
      pause = setTimeout(() => {
        if (model.getVersionId() !== version) return;
        setPendingText(null);
        typed = text;
        setText(text);
      });
    };
    let refit: ReturnType<typeof setTimeout> | undefined;
    const subscription = model.onDidChangeContent(() => {
      // Mid-fill, the model's length is not the text's: its language was set for the whole text.
      if (!fill && markedLarge(model)) {
        // Small again: unmarked (in a task of its own, see unmarkIfSmall), then YAML again.
        clearTimeout(refit);
        refit = setTimeout(() => {
          if (!fill && unmarkIfSmall(editor, model)) fitLanguage(editor, model);
        });
      } else if (!fill) fitLanguage(editor, model);
      // The store already holds an outside change: copying a dump's text back out is tens of MB.
      if (syncing) return;
      if (model.getValueLength() <= PLAIN_TEXT_CHARS) {
        copyOut();
        return;
      }
      // A dump's text is copied once typing pauses (or an action needs it: editorText.ts).
      clearTimeout(pause);
      pause = setTimeout(copyOutLater, TYPING_PAUSE_MS);
      setPendingText(copyOut);
    });
    const blurred = editor.onDidBlurEditorText(() => flushPendingText());
    const edit = (apply: () => void) => {
      syncing = true;
      try {
        apply();
      } finally {
        syncing = false;
      }
    };
    /** Gives the editor its model back, once a fill is done or dropped. */
    let attach = () => {};
    const endFill = () => {
      fill?.cancel();
      fill = null;
      attach();
      attach = () => {};
      delete host.dataset.filling;
      editor.updateOptions({ readOnly: false });
    };
    // Outside changes (an example, a lesson, a share link, a dropped file) replace the text as an
    // edit, so they stay undoable. The store is read when it changes, never a render's copy of it:
    // an example arriving while Monaco mounts must not be overwritten by the older text.
    const sync = (text: string, undoable = true) => {
      // The same string, not a copy: comparing a dump's text with the model's would build and read it.
      if (text === typed || fill?.text === text) return;
      typed = null;
      if (fill) endFill();
      if (model.getValueLength() === text.length && model.getValue() === text) return;
      // Plain text before a dump lands (YAML again only once a small text is in: the listener).
      const plain = () => {
        if (text.length > PLAIN_TEXT_CHARS) fitLanguage(editor, model, text.length);
      };
      if (text.length <= FILL_SLICE_CHARS) {
        plain();
        const ops = [{ range: model.getFullModelRange(), text }];
        edit(() => (undoable ? model.pushEditOperations([], ops, () => null) : model.applyEdits(ops)));
        return;
      }
      // The text it replaces, for its undo step (pushReplaceStep), once all of it is in.
      const before = undoable ? model.getValue() : null;
      // Typing into a text half put in would be lost to the rest of it (and to the store).
      editor.updateOptions({ readOnly: true });
      host.dataset.filling = "true";
      fill = fillModel(model, text, {
        edit,
        // The language switch re-renders the editor: a task of its own, not the one that set the text.
        // The start of the text is shown (and scrolled) while all of it goes into the model: a
        // model of its own, laid out in the next task.
        prepare: [
          plain,
          () => {
            const head = monaco.editor.createModel(text.slice(0, sliceEnd(text, 0, HEAD_CHARS)), "plaintext");
            // A start of a text has brackets it does not close: not to be marked as errors.
            head.updateOptions({
              bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
            });
            attach = showWhileFilling(editor, model, head);
          },
        ],
        done: () => {
          endFill();
          fitLanguage(editor, model);
          if (before !== null) pushReplaceStep(model, before, text, put);
        },
      });
    };
    /** An undo or redo of a replaced text: back into the model as an outside change, and into the store. */
    const put = (text: string) => {
      sync(text, false);
      typed = text;
      setText(text);
    };
    // A big paste (a dump copied out of a terminal) goes in as an outside change does, a slice per
    // task: Monaco's own paste is one edit of the whole text. Several cursors are Monaco's to fill.
    const onPaste = (e: ClipboardEvent) => {
      const pasted = e.clipboardData?.getData("text/plain") ?? "";
      const selections = editor.getSelections() ?? [];
      if (pasted.length <= FILL_SLICE_CHARS || selections.length !== 1 || fill) return;
      e.preventDefault();
      e.stopPropagation();
      const from = model.getOffsetAt(selections[0]!.getStartPosition());
      const to = model.getOffsetAt(selections[0]!.getEndPosition());
      const whole = from === 0 && to === model.getValueLength();
      const value = whole ? "" : model.getValue();
      setText(value.slice(0, from) + pasted + value.slice(to));
    };
    host.addEventListener("paste", onPaste, true);
    // The text a new model opens with is no edit to undo; a model kept from an editor before has
    // an undo history, which only undoable edits keep true.
    sync(useAppStore.getState().text, model.canUndo() || model.canRedo());
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
      host.removeEventListener("paste", onPaste, true);
      stopLayout();
      // The model stays (manifestModel): the next editor puts the rest in, or the store's newer text.
      endFill();
      clearTimeout(refit);
      flushPendingText();
      blurred.dispose();
      subscription.dispose();
      unsubscribe();
      keyboard.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, [setText, handoff]);

  useEffect(() => {
    // The manifests' model, also while the editor shows only the start of a text going into it.
    const model = editorRef.current ? manifestModel("") : null;
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMarkerData(markers, model, monaco.MarkerSeverity.Error),
    );
  }, [markers]);

  useEffect(() => {
    // What a key pressed while a big text goes in is told (the editor is read-only until then).
    editorRef.current?.updateOptions({ ariaLabel: label, readOnlyMessage: { value: filling } });
  }, [label, filling]);

  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(theme));
  }, [theme]);

  return <div ref={hostRef} className="editor-host" />;
}
