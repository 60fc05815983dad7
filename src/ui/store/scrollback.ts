/**
 * The terminal's scrollback, bounded by size: a long session, or one command
 * that prints megabytes (`kubectl get pods -o yaml` over thousands of pods),
 * must not grow the page without end. The newest text is kept; what was let
 * go is counted on a `cut` line at the top, so the terminal can say so.
 */
export interface TerminalLine {
  /** Identity within the page (React's key); not kept across reloads. */
  id: number;
  kind: "input" | "output" | "error" | "cut";
  text: string;
  prompt?: string;
  /** On a `cut` line: how many characters of older output were let go. */
  cut?: number;
}

export type TerminalLineInput = Omit<TerminalLine, "id">;

/** Characters the scrollback holds (≈ bytes: terminal output is mostly ASCII). */
export const MAX_SCROLLBACK_CHARS = 1024 * 1024;
/** Entries it holds. */
export const MAX_SCROLLBACK_LINES = 2000;
/** What a saved workspace keeps of it (the browser's storage holds a few MB for everything). */
export const SAVED_SCROLLBACK_CHARS = 128 * 1024;

/** The `cut` line's key: there is at most one, at the top. */
const CUT_ID = 0;

/**
 * Keeps the newest lines within `maxChars` characters and `maxLines`
 * entries. When the newest line alone is over the budget, its tail is kept
 * from a line start.
 */
export function capScrollback(
  lines: readonly TerminalLine[],
  maxChars = MAX_SCROLLBACK_CHARS,
  maxLines = MAX_SCROLLBACK_LINES,
): TerminalLine[] {
  const kept: TerminalLine[] = [];
  let size = 0;
  let dropped = 0;
  let full = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.kind === "cut") {
      dropped += line.cut ?? 0;
      continue;
    }
    if (!full && kept.length < maxLines - 1 && size + line.text.length <= maxChars) {
      kept.push(line);
      size += line.text.length;
      continue;
    }
    if (!full && kept.length === 0) {
      const tail = tailFromLineStart(line.text, maxChars);
      kept.push({ ...line, text: tail });
      dropped += line.text.length - tail.length;
    } else dropped += line.text.length;
    full = true;
  }
  if (dropped === 0 && kept.length === lines.length) return lines as TerminalLine[];
  kept.reverse();
  return dropped > 0 ? [{ id: CUT_ID, kind: "cut", text: "", cut: dropped }, ...kept] : kept;
}

function tailFromLineStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const from = text.indexOf("\n", text.length - max - 1);
  return from >= 0 ? text.slice(from + 1) : "";
}
