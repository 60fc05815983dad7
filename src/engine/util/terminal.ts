/**
 * Terminal-safe text from object fields. kubectl escapes what a terminal would act on before it
 * prints object data (kubernetes#101695, cli-runtime `pkg/printers/terminal.go`): ESC becomes `^[`
 * and CR becomes `\r` in everything `kubectl describe` writes, and a `kubectl get` table cell is
 * cut at its first line break (`\f`, `\n`, `\r`) with `...`, then escaped the same way.
 */

const SPECIAL = /[\f\n\r\u001b]/;

/** cli-runtime's `EscapeTerminal`: ESC → `^[`, CR → `\r`. */
export function escapeTerminal(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/\u001b/g, "^[").replace(/\r/g, "\\r");
}

/** A `kubectl get` table cell (cli-runtime's `appendCellValue`). */
export function tableCell(s: string): string {
  if (!SPECIAL.test(s)) return s;
  const cut = s.search(/[\f\n\r]/);
  return cut >= 0 ? `${escapeTerminal(s.slice(0, cut))}...` : escapeTerminal(s);
}

/**
 * For a program writing to a real terminal (the packetwalk CLI): every control character but tab,
 * newline and carriage return (curl's CRLF) in caret notation (`^[` for ESC, as kubectl writes it;
 * `^G`), C1 controls as `\u009b`, so no text from a manifest can move the cursor, retitle the
 * window or ring the bell.
 */
export function neutralizeControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
    if (code === 0x7f) return "^?";
    return `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
