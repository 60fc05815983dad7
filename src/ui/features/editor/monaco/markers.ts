import type { editor, MarkerSeverity } from "monaco-editor/esm/vs/editor/editor.api";
import type { EditorMarker } from "../../../store/editorSlice";

/** The owner of the engine's markers on the model (yaml-language-server owns its own). */
export const MARKER_OWNER = "packetwalk";

/** The part of a Monaco text model the markers need. */
export interface LineSource {
  getLineCount(): number;
  getLineFirstNonWhitespaceColumn(line: number): number;
  getLineMaxColumn(line: number): number;
}

/**
 * The API server's refusals as Monaco markers: each spans its line's text (from the first
 * non-blank character to the end), clamped to the model when the text has since got shorter.
 */
export function toMarkerData(
  markers: readonly EditorMarker[],
  model: LineSource,
  severity: MarkerSeverity,
): editor.IMarkerData[] {
  const lineCount = model.getLineCount();
  return markers.map((m) => {
    const line = Math.min(Math.max(1, m.line), lineCount);
    const endColumn = model.getLineMaxColumn(line);
    const firstColumn = model.getLineFirstNonWhitespaceColumn(line);
    return {
      severity,
      message: m.message,
      source: "kube-apiserver",
      startLineNumber: line,
      startColumn: firstColumn === 0 ? 1 : firstColumn,
      endLineNumber: line,
      endColumn,
    };
  });
}
