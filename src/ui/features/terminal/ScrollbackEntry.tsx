import { memo, useEffect, useMemo, useState } from "react";
import { useT } from "../../i18n/useT";
import type { TerminalLine } from "../../store/scrollback";
import { MAX_SCROLLBACK_CHARS } from "../../store/scrollback";
import { type Chunk, chunkLines } from "./chunks";

/** Blocks of a long output put in the page at once (the newest), then per task. */
const FIRST_CHUNKS = 4;
const CHUNKS_PER_TASK = 6;

/**
 * One entry of the scrollback. Long output is cut into blocks of lines the
 * browser lays out only when scrolled into view (`content-visibility`), and
 * the blocks go into the page a few per task, the newest first, so a
 * megabyte of YAML lands without a long task and stays real, selectable text.
 */
export const ScrollbackEntry = memo(function ScrollbackEntry({ line }: { line: TerminalLine }) {
  const t = useT();
  const chunks = useMemo(
    () => (line.kind === "input" || line.kind === "cut" ? null : chunkLines(line.text)),
    [line],
  );
  if (line.kind === "cut") {
    return (
      <p className="terminal-cut">{t("terminal.cut", { size: line.cut ?? 0, max: MAX_SCROLLBACK_CHARS })}</p>
    );
  }
  if (line.kind === "input" || !chunks || chunks.length === 1) {
    return (
      <pre className={`terminal-line terminal-${line.kind}`}>
        {line.kind === "input" ? <span className="terminal-prompt">{line.prompt} </span> : null}
        {line.text}
      </pre>
    );
  }
  return <LongOutput kind={line.kind} chunks={chunks} />;
});

function LongOutput({ kind, chunks }: { kind: TerminalLine["kind"]; chunks: Chunk[] }) {
  const [from, setFrom] = useState(() => Math.max(0, chunks.length - FIRST_CHUNKS));
  useEffect(() => {
    if (from === 0) return;
    const timer = setTimeout(() => setFrom((f) => Math.max(0, f - CHUNKS_PER_TASK)), 0);
    return () => clearTimeout(timer);
  }, [from]);
  const pendingLines = chunks.slice(0, from).reduce((n, c) => n + c.lines, 0);
  return (
    <div className={`terminal-chunks terminal-${kind}`}>
      {from > 0 ? (
        <div className="terminal-pending" style={{ blockSize: `${pendingLines * 1.2}em` }} />
      ) : null}
      {chunks.slice(from).map((c) => (
        <pre
          key={c.start}
          className="terminal-line terminal-chunk"
          style={{ containIntrinsicBlockSize: `auto ${c.lines * 1.2}em` }}
        >
          {c.text}
        </pre>
      ))}
    </div>
  );
}
