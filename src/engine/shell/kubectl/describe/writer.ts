/**
 * kubectl describe's output machinery: a PrefixWriter (each level indents
 * two spaces) feeding Go's text/tabwriter with minwidth 0, padding 2.
 *
 * Unlike `kubectl get`'s table, Go's tabwriter aligns *column blocks*: runs of
 * consecutive lines that have a cell in that column. A line without a tab
 * ends every block, which is why `Containers:` or `IPs:` restart the
 * alignment below them while `QoS Class:` lines up with the volume lines above.
 */

import { escapeTerminal } from "../../../util/terminal";

const MINWIDTH = 0;
const PADDING = 2;

/** Go's text/tabwriter `format` over `\t`-separated cells. */
export function tabwrite(text: string): string {
  const raw = text.split("\n");
  const trailingNewline = raw[raw.length - 1] === "";
  if (trailingNewline) raw.pop();
  const lines = raw.map((l) => l.split("\t"));
  const out: string[] = lines.map(() => "");
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] as string[];
      out[i] = cells
        .map((c, j) => (j < widths.length && j < cells.length - 1 ? c.padEnd(widths[j] as number) : c))
        .join("");
    }
  };

  const format = (line0In: number, line1: number) => {
    let line0 = line0In;
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= (lines[t] as string[]).length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = MINWIDTH;
      for (; t < line1; t++) {
        const cells = lines[t] as string[];
        if (column >= cells.length - 1) break;
        width = Math.max(width, (cells[column] as string).length + PADDING);
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("\n") + (trailingNewline ? "\n" : "");
}

/**
 * kubectl's PrefixWriter: `write(level, text)` indents by two spaces per level, and escapes
 * what a terminal would act on (ESC, CR) as kubectl's does.
 */
export class PrefixWriter {
  private buf = "";

  write(level: number, text: string): void {
    this.buf += "  ".repeat(level) + escapeTerminal(text);
  }

  /** Raw text with no indentation (a continuation of the current line). */
  append(text: string): void {
    this.buf += escapeTerminal(text);
  }

  /** The aligned output. */
  toString(): string {
    return tabwrite(this.buf);
  }
}
