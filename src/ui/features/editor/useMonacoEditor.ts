import { type ComponentType, type RefObject, useEffect, useState } from "react";
import type { EditorHandoff, MonacoYamlEditorProps } from "./MonacoYamlEditor";

/**
 * Loads Monaco's editor component once `wanted`, and hands it the plain editor's caret when the
 * swap happens, read at that moment: the user may be typing while Monaco downloads, and the text
 * area stays mounted (and focused) until Monaco is ready to take over.
 */
export function useMonacoEditor(
  wanted: boolean,
  plain: RefObject<HTMLTextAreaElement | null>,
): { Editor: ComponentType<MonacoYamlEditorProps> | null; handoff: EditorHandoff } {
  const [loaded, setLoaded] = useState<{
    Editor: ComponentType<MonacoYamlEditorProps>;
    handoff: EditorHandoff;
  } | null>(null);

  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    void import("./MonacoYamlEditor").then((m) => {
      if (!live) return;
      const area = plain.current;
      const focused = area !== null && document.activeElement === area;
      setLoaded({
        Editor: m.MonacoYamlEditor,
        handoff: { focused, offset: focused ? area.selectionStart : 0, length: area?.value.length ?? 0 },
      });
    });
    return () => {
      live = false;
    };
  }, [wanted, loaded, plain]);

  return loaded ?? { Editor: null, handoff: { focused: false, offset: 0, length: 0 } };
}
