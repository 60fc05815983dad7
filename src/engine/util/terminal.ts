/**
 * Terminal-safe text from object fields. kubectl escapes what a terminal would act on before it
 * prints object data (kubernetes#101695, cli-runtime `pkg/printers/terminal.go`): ESC becomes `^[`
 * and CR becomes `\r` in everything `kubectl describe` writes, and a `kubectl get` table cell is
 * cut at its first line break (`\f`, `\n`, `\r`) with `...`, then escaped the same way.
 */

const ESC = String.fromCharCode(0x1b);
const FF = String.fromCharCode(0x0c);

/** The first line break a table cell is cut at (`\f`, `\n`, `\r`), or -1. */
function lineBreak(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\n" || c === "\r" || c === FF) return i;
  }
  return -1;
}

/** cli-runtime's `EscapeTerminal`: ESC → `^[`, CR → `\r`. */
export function escapeTerminal(s: string): string {
  if (!s.includes(ESC) && !s.includes("\r")) return s;
  return s.split(ESC).join("^[").split("\r").join("\\r");
}

/** A `kubectl get` table cell (cli-runtime's `appendCellValue`). */
export function tableCell(s: string): string {
  const cut = lineBreak(s);
  return cut >= 0 ? `${escapeTerminal(s.slice(0, cut))}...` : escapeTerminal(s);
}

/**
 * For a program writing to a real terminal (the packetwalk CLI): every control character but tab,
 * newline and carriage return (curl's CRLF) in caret notation (`^[` for ESC, as kubectl writes it;
 * `^G`), C1 controls as `\u009b`, so no text from a manifest can move the cursor, retitle the
 * window or ring the bell.
 */
export function neutralizeControls(s: string): string {
  let out = "";
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === "\t" || c === "\n" || c === "\r" || (code >= 0x20 && code < 0x7f) || code > 0x9f) out += c;
    else if (code < 0x20) out += `^${String.fromCharCode(code + 64)}`;
    else if (code === 0x7f) out += "^?";
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return out;
}
