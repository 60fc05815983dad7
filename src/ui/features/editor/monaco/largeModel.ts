import type { monaco } from "./setup";

/**
 * Monaco treats a model as a large file only when it is created with its text: over 20 MB or
 * 300,000 lines (TextModel.LARGE_FILE_SIZE_THRESHOLD and LARGE_FILE_LINE_COUNT_THRESHOLD, read
 * from the model's class so they follow Monaco), it is never tokenized, and the editor shows it
 * without per-line arrays, folding, links or word highlights. A dump put into the model a slice
 * at a time (fillModel.ts) is told so once it is in, as it would have been had it been created
 * with the whole text; a model that is small again (the dump undone) is told it is not.
 */
interface TextModelInternals {
  _isTooLargeForTokenization?: boolean;
  constructor: { LARGE_FILE_SIZE_THRESHOLD?: number; LARGE_FILE_LINE_COUNT_THRESHOLD?: number };
}

const SIZE_THRESHOLD = 20 * 1024 * 1024;
const LINE_COUNT_THRESHOLD = 300 * 1000;

/** Whether Monaco would have created `model`'s text as a large file. */
export function largeAsCreated(model: monaco.editor.ITextModel): boolean {
  const { constructor: textModel } = model as unknown as TextModelInternals;
  return (
    model.getValueLength() > (textModel.LARGE_FILE_SIZE_THRESHOLD ?? SIZE_THRESHOLD) ||
    model.getLineCount() > (textModel.LARGE_FILE_LINE_COUNT_THRESHOLD ?? LINE_COUNT_THRESHOLD)
  );
}

/**
 * Marks `model` large or not, as creating it with its text would have. Only a model no editor
 * shows: an editor reads the mark when it is given the model.
 */
export function markLarge(model: monaco.editor.ITextModel, large: boolean): void {
  (model as unknown as TextModelInternals)._isTooLargeForTokenization = large;
}

/** Whether `model` is marked large (by Monaco at its creation, or by markLarge). */
export function markedLarge(model: monaco.editor.ITextModel): boolean {
  return (model as unknown as { isTooLargeForTokenization(): boolean }).isTooLargeForTokenization();
}

/**
 * Shows `head` (the start of the text going into `model`) in its place while the text goes in:
 * each edit to a model an editor shows copies the editor's per-line arrays, as long as the
 * model's lines so far. Returns what gives the editor its model back, marked large or not, where
 * the user had scrolled the start to.
 */
export function showWhileFilling(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
  head: monaco.editor.ITextModel,
): () => void {
  editor.setModel(head);
  return () => {
    if (editor.getModel() === head) {
      markLarge(model, largeAsCreated(model));
      swap(editor, model);
    }
    head.dispose();
  };
}

/**
 * A model marked large whose text is small again (the dump undone, or replaced by typing) is
 * shown afresh unmarked, so that YAML is coloured and folded again. Not from inside one of the
 * model's own change events: the editor's view of it is one of their listeners.
 */
export function unmarkIfSmall(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
): boolean {
  if (!markedLarge(model) || largeAsCreated(model) || editor.getModel() !== model) return false;
  swap(editor, model, () => {
    editor.setModel(null);
    markLarge(model, false);
  });
  return true;
}

/**
 * Shows `model` (after `between`, with no model shown) where the editor was scrolled to, keeping
 * the keyboard's focus: the next key typed lands in it.
 */
function swap(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
  between = () => {},
): void {
  const view = editor.saveViewState();
  const focused = editor.hasTextFocus();
  between();
  editor.setModel(model);
  if (view) editor.restoreViewState(view);
  if (focused) editor.focus();
}
