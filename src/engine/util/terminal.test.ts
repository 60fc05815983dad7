import { describe, expect, it } from "vitest";
import { escapeTerminal, neutralizeControls, tableCell } from "./terminal";

describe("terminal-safe text (cli-runtime printers/terminal.go)", () => {
  it("escapes ESC and CR as kubectl does, and leaves other text alone", () => {
    expect(escapeTerminal("\u001b]0;owned\u0007 and\r")).toBe("^[]0;owned\u0007 and\\r");
    expect(escapeTerminal("plain 이름")).toBe("plain 이름");
  });

  it("cuts a table cell at its first line break with ... (appendCellValue)", () => {
    expect(tableCell("a\nb")).toBe("a...");
    expect(tableCell("\u001b[31mred\fmore")).toBe("^[[31mred...");
    expect(tableCell("x\ry")).toBe("x...");
    expect(tableCell("web")).toBe("web");
  });

  it("the CLI shows every control but tab, newline and CR in caret notation", () => {
    expect(neutralizeControls("a\u001b]0;t\u0007b\tc\r\n\u009b")).toBe("a^[]0;t^Gb\tc\r\n\\u009b");
  });
});
