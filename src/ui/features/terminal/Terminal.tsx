import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { completeCommand, runCommand } from "../../store/actions";
import { applyCompletion } from "./completion";
import { TerminalHint } from "./TerminalHint";

/**
 * The cluster's terminal: real text in the page (selectable, copyable, read
 * by screen readers), a command line with history and Tab completion.
 */
export function Terminal() {
  const t = useT();
  const lines = useAppStore((s) => s.lines);
  const prompt = useAppStore((s) => s.prompt);
  const history = useAppStore((s) => s.history);
  const busy = useAppStore((s) => s.busy);
  const appendLines = useAppStore((s) => s.appendLines);
  const clearTerminal = useAppStore((s) => s.clearTerminal);
  const [line, setLine] = useState("");
  const [cursor, setCursor] = useState<number | null>(null);
  // After Escape the next Tab leaves the terminal instead of completing (no keyboard trap).
  const leaving = useRef(false);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const log = logRef.current;
    if (log && lines.length >= 0) log.scrollTop = log.scrollHeight;
  }, [lines]);

  const onKeyDown = async (e: React.KeyboardEvent<HTMLInputElement>) => {
    const escaped = leaving.current;
    leaving.current = e.key === "Escape" || (escaped && e.key === "Shift");
    if (e.key === "Tab" && (escaped || line.trim() === "")) return;
    if (e.key === "Enter") {
      e.preventDefault();
      const text = line;
      setLine("");
      setCursor(null);
      await runCommand(text);
      inputRef.current?.focus();
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      if (history.length === 0) return;
      const next =
        e.key === "ArrowUp" ? Math.max((cursor ?? history.length) - 1, 0) : (cursor ?? history.length) + 1;
      if (next >= history.length) {
        setCursor(null);
        setLine("");
      } else {
        setCursor(next);
        setLine(history[next]!);
      }
    } else if (e.key === "Tab") {
      e.preventDefault();
      const candidates = await completeCommand(line);
      const { line: completed, show } = applyCompletion(line, candidates);
      setLine(completed);
      if (show.length > 0)
        appendLines([
          { kind: "input", text: line, prompt },
          { kind: "output", text: `${show.join("  ")}\n` },
        ]);
    } else if (e.key === "l" && e.ctrlKey) {
      e.preventDefault();
      clearTerminal();
    } else if (e.key === "c" && e.ctrlKey && !window.getSelection()?.toString()) {
      e.preventDefault();
      appendLines([{ kind: "input", text: `${line}^C`, prompt }]);
      setLine("");
    }
  };

  return (
    <section
      className="terminal"
      aria-label={t("terminal.region")}
      onClick={() => inputRef.current?.focus()}
      onKeyDown={undefined}
    >
      <div className="terminal-log" ref={logRef} role="log" aria-live="polite">
        {lines.length === 0 ? (
          <TerminalHint
            onPick={(command) => {
              setLine(command);
              inputRef.current?.focus();
            }}
          />
        ) : null}
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the scrollback is append-only; index is its identity.
          <pre key={i} className={`terminal-line terminal-${l.kind}`}>
            {l.kind === "input" ? <span className="terminal-prompt">{l.prompt} </span> : null}
            {l.text}
          </pre>
        ))}
      </div>
      <div className="terminal-input">
        <label htmlFor="terminal-input" className="terminal-prompt">
          {prompt}
        </label>
        <input
          id="terminal-input"
          ref={inputRef}
          aria-label={t("terminal.input")}
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-busy={busy}
          aria-describedby="terminal-keys"
          onBlur={() => {
            leaving.current = false;
          }}
        />
        <span id="terminal-keys" className="visually-hidden">
          {t("terminal.keys")}
        </span>
      </div>
    </section>
  );
}
