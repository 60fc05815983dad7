import { nextTask } from "../../../../worker/nextTask";
import type { monaco } from "./setup";

/**
 * A slice of the text put in per edit, cut at a line's end. Monaco reads an edit's text whole
 * several times over (its line starts, then its lines counted again by the tokens, semantic tokens
 * and bracket pairs of the model): a 34 MB dump in one edit holds the page's thread for most of a
 * second, and one slice must stay far under a 50 ms task on a slow or busy machine. The slices go
 * into a model the editor does not show meanwhile (largeModel.ts): an editor showing it would
 * copy its per-line arrays, as long as the model's lines so far, at every edit.
 */
export const FILL_SLICE_CHARS = 128 * 1024;
/** How long a task goes on adding slices before it gives the page its thread back. */
const FILL_BUDGET_MS = 8;

export interface ModelFill {
  /** The text the model is being given. */
  readonly text: string;
  /** Stops where it is: the model keeps the slices already put in. */
  cancel(): void;
}

export interface FillOptions {
  /** Runs one edit (the caller marks its own edits, to tell them from the user's). */
  edit: (apply: () => void) => void;
  /** Run before the first slice, each in a task of its own (the editor's language, what it shows). */
  prepare?: readonly (() => void)[];
  /** The whole text is in. */
  done: () => void;
  /** The page's clock (a test's in tests). */
  now?: () => number;
  /** Waits for the next task (a test's in tests). */
  yieldTask?: () => Promise<void>;
}

/**
 * Replaces `model`'s text by `text` a slice at a time from the next task on, as many slices per
 * task as fit in a few milliseconds (the caller's task has its own work: the store's subscribers),
 * after each of `prepare` in a task of its own. Slices after the first are appended at the end.
 * The edits keep no undo step: a step for the whole text is the caller's (undoStep.ts).
 */
export function fillModel(model: monaco.editor.ITextModel, text: string, options: FillOptions): ModelFill {
  const now = options.now ?? (() => performance.now());
  const yieldTask = options.yieldTask ?? nextTask;
  let cancelled = false;
  let at = 0;

  function put(replaceAll: boolean) {
    const end = sliceEnd(text, at);
    const slice = text.slice(at, end);
    at = end;
    const range = replaceAll ? model.getFullModelRange() : endRange(model);
    const ops = [{ range, text: slice }];
    options.edit(() => model.applyEdits(ops));
  }

  async function run() {
    for (const step of options.prepare ?? []) {
      await yieldTask();
      if (cancelled) return;
      step();
    }
    while (at < text.length) {
      await yieldTask();
      if (cancelled) return;
      const start = now();
      if (at === 0) put(true);
      while (at < text.length && now() - start < FILL_BUDGET_MS) put(false);
    }
    options.done();
  }

  void run();
  return {
    text,
    cancel() {
      cancelled = true;
    },
  };
}

/** Where the slice from `from` ends: after the last line end within `size`, or at `size`. */
export function sliceEnd(text: string, from: number, size = FILL_SLICE_CHARS): number {
  const limit = from + size;
  if (limit >= text.length) return text.length;
  const newline = text.lastIndexOf("\n", limit - 1);
  return newline >= from ? newline + 1 : limit;
}

/** The empty range at the model's end. */
function endRange(model: monaco.editor.ITextModel): monaco.IRange {
  const line = model.getLineCount();
  const column = model.getLineMaxColumn(line);
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column };
}
