import { useEffect } from "react";
import { useAppStore } from "../../store";
import { readFileText } from "./readFileText";

/**
 * A file dropped anywhere on the page goes into the editor, as if pasted, and the editor opens (a
 * closed panel, or another phone tab, would hide the offer): a cluster dump is then offered for
 * import, manifests for Apply. Dropping text (not a file) is left to the editor.
 */
export function useFileDrop(): void {
  useEffect(() => {
    const hasFile = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const onOver = (e: DragEvent) => {
      if (!hasFile(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      e.stopPropagation();
      void readFileText(file).then((text) => {
        const store = useAppStore.getState();
        store.setText(text);
        store.setEditorOpen(true);
        store.setPhoneTab("yaml");
      });
    };
    // Capturing: the editor's own drop handling (it inserts a file's path) never sees a file.
    window.addEventListener("dragover", onOver, true);
    window.addEventListener("drop", onDrop, true);
    return () => {
      window.removeEventListener("dragover", onOver, true);
      window.removeEventListener("drop", onDrop, true);
    };
  }, []);
}
