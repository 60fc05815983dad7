import { type Ref, useId, useMemo } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { headOf, PLAIN_AREA_CHARS } from "./plainHead";

interface Props {
  label: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  /** The user reached for the editor: load Monaco now. */
  onEngage: () => void;
}

const MB = 1024 * 1024;

/**
 * The manifests as a plain text area until Monaco arrives: readable and editable from the first
 * paint, so the first visit need not download and evaluate Monaco before anything else.
 * Focusing it asks for Monaco at once; the text lives in the store, so nothing typed is lost.
 * A big text (a dump) shows its first lines, read-only, and says so: Monaco opens all of it.
 */
export function PlainYamlEditor({ label, textareaRef, onEngage }: Props) {
  const t = useT();
  const noteId = useId();
  const text = useAppStore((s) => s.text);
  const setText = useAppStore((s) => s.setText);
  const head = useMemo(() => (text.length > PLAIN_AREA_CHARS ? headOf(text) : null), [text]);
  return (
    <>
      {head !== null ? (
        <p id={noteId} className="editor-plain-note">
          {t("editor.plainHead", {
            shown: Math.round(head.length / 1024),
            size: (text.length / MB).toFixed(1),
          })}
        </p>
      ) : null}
      <textarea
        ref={textareaRef}
        className="editor-host editor-plain"
        aria-label={label}
        aria-describedby={head !== null ? noteId : undefined}
        value={head ?? text}
        readOnly={head !== null}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        onChange={(e) => setText(e.target.value)}
        onFocus={onEngage}
      />
    </>
  );
}
