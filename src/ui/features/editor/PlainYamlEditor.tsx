import type { Ref } from "react";
import { useAppStore } from "../../store";

interface Props {
  label: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  /** The user reached for the editor: load Monaco now. */
  onEngage: () => void;
}

/**
 * The manifests as a plain text area until Monaco arrives: readable and editable from the first
 * paint, so the first visit need not download and evaluate Monaco before anything else.
 * Focusing it asks for Monaco at once; the text lives in the store, so nothing typed is lost.
 */
export function PlainYamlEditor({ label, textareaRef, onEngage }: Props) {
  const text = useAppStore((s) => s.text);
  const setText = useAppStore((s) => s.setText);
  return (
    <textarea
      ref={textareaRef}
      className="editor-host editor-plain"
      aria-label={label}
      value={text}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      wrap="off"
      onChange={(e) => setText(e.target.value)}
      onFocus={onEngage}
    />
  );
}
