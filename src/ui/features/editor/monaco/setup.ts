// Monaco with YAML only: the editor API and the handful of contributions the manifest editor uses,
// instead of `monaco-editor`'s main entry with its 80 languages and 4 language services.
import * as monaco from "monaco-editor/esm/vs/editor/editor.api";
import "monaco-editor/esm/vs/editor/browser/coreCommands.js";
import "monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js";
import "monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js";
import "monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js";
import "monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/esm/vs/editor/contrib/find/browser/findController.js";
import "monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js";
import "monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js";
// Says why a key typed into a read-only editor (a dump still going in) is not taken: readOnlyMessage.
import "monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js";
import "monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
import "monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/esm/vs/editor/common/standaloneStrings.js";
import "monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
import { configureMonacoYaml } from "monaco-yaml";
import { manifestSchema } from "./schema";
import { defineMonacoThemes } from "./theme";
import { installWorkers } from "./workers";

/** The editor's one model: what `kubectl apply -f manifests.yaml` would read. */
export const MODEL_URI = "file:///manifests.yaml";

installWorkers(monaco);

// Monaco cancels an editor's pending work (word highlights, hovers) with a `Canceled` error when
// the editor is disposed, and nothing awaits it; VS Code's own error handler ignores these.
window.addEventListener("unhandledrejection", (e) => {
  if (e.reason instanceof Error && e.reason.name === "Canceled") e.preventDefault();
});
defineMonacoThemes(monaco);

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  hoverSchemaSource: false,
  completion: true,
  validate: true,
  // No "Format document" command is offered, so the worker is built without prettier (vite.config.ts).
  format: { enable: false },
  schemas: [
    {
      uri: "https://packetwalk.invalid/schemas/manifest.json",
      fileMatch: [MODEL_URI],
      schema: manifestSchema(),
    },
  ],
});

/**
 * The manifest model, created once so its undo history outlives editor remounts, with `initialText`
 * in the language of a text of `length` (the text it is about to get, when that comes in slices:
 * fillModel.ts). A dump already in the store when Monaco arrives (dropped, pasted or restored
 * before it loaded) makes a plain text model from the start: a YAML model, even switched at once,
 * has the YAML worker and folding already working through the whole text (see PLAIN_TEXT_CHARS).
 */
export function manifestModel(initialText: string, length = initialText.length): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(MODEL_URI);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(initialText, languageFor(length), uri);
}

/**
 * Texts over this many characters are a cluster dump, not manifests someone writes: the editor
 * shows them as plain text, without highlighting, folding and the YAML worker's schema checks.
 * Those run over the whole text (a 5,000-pod dump is a million lines), on the page's thread and
 * the YAML worker's, for seconds, while the engine's worker imports the same text.
 */
export const PLAIN_TEXT_CHARS = 2 * 1024 * 1024;

/**
 * YAML, or plain text for a text as big as a cluster dump (see PLAIN_TEXT_CHARS). `length`: the
 * length the model's text is about to have, to switch before a big text lands in it (once it
 * has, folding and the YAML worker have already started on it).
 */
export function fitLanguage(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
  length = model.getValueLength(),
): void {
  const language = languageFor(length);
  const yaml = language === "yaml";
  if (editor.getOption(monaco.editor.EditorOption.folding) !== yaml)
    editor.updateOptions(optionsFor(language));
  // Coloured bracket pairs parse the text they are drawn for, and all of it once asked: on a dump
  // going in a slice at a time (fillModel.ts), every slice's.
  if (model.getOptions().bracketPairColorizationOptions.enabled !== yaml)
    model.updateOptions({
      bracketColorizationOptions: { enabled: yaml, independentColorPoolPerBracketType: false },
    });
  if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
}

/**
 * A dump's text is never copied to Monaco's own editor worker: word suggestions, links and
 * Unicode highlights each ask for the whole model there on the first key typed (a 34 MB dump's
 * million lines, cloned in one task of some 120 ms).
 */
const DUMP_OPTIONS: monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions = {
  folding: false,
  quickSuggestions: false,
  wordBasedSuggestions: "off",
  links: false,
  colorDecorators: false,
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
};

/** What a dump turns off, on for YAML. */
const YAML_OPTIONS: monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions = {
  folding: true,
  quickSuggestions: { other: true, comments: false, strings: true },
  wordBasedSuggestions: "matchingDocuments",
  links: true,
  colorDecorators: true,
  unicodeHighlight: {
    ambiguousCharacters: true,
    invisibleCharacters: true,
    nonBasicASCII: "inUntrustedWorkspace",
  },
};

/** The editor's options for a text in `language` (fitLanguage switches them with it). */
export function optionsFor(
  language: string,
): monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions {
  return language === "yaml" ? YAML_OPTIONS : DUMP_OPTIONS;
}

/** The language a text of `length` characters is edited in. */
export function languageFor(length: number): "yaml" | "plaintext" {
  return length > PLAIN_TEXT_CHARS ? "plaintext" : "yaml";
}

export { monaco };
