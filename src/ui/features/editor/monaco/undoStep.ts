import type { monaco } from "./setup";

/** An undo step as Monaco's undo-redo service takes it (UndoRedoElementType.Resource is 0). */
interface ResourceUndoStep {
  type: 0;
  resource: monaco.Uri;
  label: string;
  code: string;
  confirmBeforeUndo: boolean;
  undo(): void;
  redo(): void;
}

/**
 * Makes a text put into `model` a slice at a time (with edits that keep no undo step) one undo
 * step: `put` puts `before` back to undo it and `after` again to redo it, the same way. An undo
 * step of Monaco's own would hold all of the text's edits, which Monaco packs into one buffer when
 * the step closes (at the next cursor move) and unpacks to undo it: a task as long as the text.
 * The user's own step before it is closed first, so that no later edit is added to it.
 */
export function pushReplaceStep(
  model: monaco.editor.ITextModel,
  before: string,
  after: string,
  put: (text: string) => void,
): void {
  model.pushStackElement();
  const service = (model as unknown as { _undoRedoService: { pushElement(step: ResourceUndoStep): void } })
    ._undoRedoService;
  service.pushElement({
    type: 0,
    resource: model.uri,
    label: "Replace the text",
    code: "packetwalk.replaceText",
    confirmBeforeUndo: false,
    undo: () => put(before),
    redo: () => put(after),
  });
}
