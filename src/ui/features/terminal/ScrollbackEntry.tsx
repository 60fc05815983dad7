import { memo, useMemo } from "react";
import { useT } from "../../i18n/useT";
import type { TerminalLine } from "../../store/scrollback";
import { MAX_SCROLLBACK_CHARS } from "../../store/scrollback";
import { chunkLines } from "./chunks";

/**
 * One entry of the scrollback. Long output is cut into blocks of lines the
 * browser lays out only when scrolled into view (`content-visibility`), so a
 * megabyte of YAML lands without a long task and stays real, selectable text.
 */
export const ScrollbackEntry = memo(function ScrollbackEntry({ line }: { line: TerminalLine }) {
  const t = useT();
  const chunks = useMemo(() => (line.kind === "input" ? null : chunkLines(line.text)), [line]);
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
  return (
    <div className={`terminal-chunks terminal-${line.kind}`}>
      {chunks.map((c) => (
        <pre
          key={c.start}
          className="terminal-line terminal-chunk"
          style={{ containIntrinsicBlockSize: `auto ${c.lines * 1.35}em` }}
        >
          {c.text}
        </pre>
      ))}
    </div>
  );
});
