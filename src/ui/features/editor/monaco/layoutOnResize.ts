import type { monaco } from "./setup";

/**
 * Lays the editor out again when its host changes size, at the next frame. Monaco's own
 * `automaticLayout` does it inside the resize observer's callback, in the frame that resized the
 * host: a panel appearing above the editor (an import's report) would pay for its own layout and
 * paint and the editor's in one frame. A frame later, the editor's lines are clipped to the new
 * size until then, which no one sees.
 */
export function layoutOnResize(editor: monaco.editor.IStandaloneCodeEditor, host: HTMLElement): () => void {
  let frame = 0;
  let width = host.clientWidth;
  let height = host.clientHeight;
  const observer = new ResizeObserver(() => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      const w = host.clientWidth;
      const h = host.clientHeight;
      if (w === width && h === height) return;
      width = w;
      height = h;
      editor.layout({ width: w, height: h });
    });
  });
  observer.observe(host);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}
