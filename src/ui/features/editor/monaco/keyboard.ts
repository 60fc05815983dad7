import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api";

/** Escape that no widget, selection or extra cursor claims: the user is done editing. */
const FREE_ESCAPE =
  "editorTextFocus && !editorTabMovesFocus && !suggestWidgetVisible && !findWidgetVisible" +
  " && !parameterHintsVisible && !markersNavigationVisible && !editorHoverVisible" +
  " && !editorHasMultipleSelections";

/**
 * No keyboard trap: after Escape, the next Tab (or Shift+Tab) leaves the editor, as VS Code's
 * accessibility guidance describes; any other key gives Tab back to indenting. Ctrl+M (Monaco's
 * "Toggle Tab Key Moves Focus") switches it for good.
 */
export function leaveOnEscapeThenTab(
  monaco: typeof Monaco,
  editor: Monaco.editor.IStandaloneCodeEditor,
): Monaco.IDisposable {
  const { KeyCode } = monaco;
  let armed = false;
  const arm = (on: boolean) => {
    if (armed === on) return;
    armed = on;
    editor.updateOptions({ tabFocusMode: on });
  };
  editor.addCommand(KeyCode.Escape, () => arm(true), FREE_ESCAPE);
  const keys = editor.onKeyDown((e) => {
    if (e.keyCode !== KeyCode.Tab && e.keyCode !== KeyCode.Shift && e.keyCode !== KeyCode.Escape) arm(false);
  });
  const blur = editor.onDidBlurEditorText(() => arm(false));
  return {
    dispose() {
      keys.dispose();
      blur.dispose();
    },
  };
}
