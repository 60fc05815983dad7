/**
 * A small bash-like command-line parser: words with quotes and escapes,
 * pipelines with `|`, and lists with `;`, `&&` and `||`. Enough for what a
 * student types into a cluster shell; no expansions besides `~`.
 */
export interface SimpleCommand {
  argv: string[];
  /** `> file` / `>> file` / `2> file`: where stdout or stderr goes. */
  redirects: { fd: 1 | 2; target: string; append: boolean }[];
}

export interface Pipeline {
  commands: SimpleCommand[];
  /** How this pipeline joins the next: run always, only on success, only on failure. */
  next: ";" | "&&" | "||" | null;
}

export class ParseError extends Error {}

export function parseCommandLine(line: string): Pipeline[] {
  const tokens = lex(line);
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let current: SimpleCommand = { argv: [], redirects: [] };
  const endCommand = (op: string) => {
    if (current.argv.length === 0) throw new ParseError(`syntax error near unexpected token \`${op}'`);
    commands.push(current);
    current = { argv: [], redirects: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.op === "|") {
      endCommand("|");
    } else if (t.op === ";" || t.op === "&&" || t.op === "||") {
      endCommand(t.op);
      pipelines.push({ commands, next: t.op });
      commands = [];
    } else if (t.op === ">" || t.op === ">>" || t.op === "2>" || t.op === "2>>") {
      const target = tokens[++i];
      if (!target || target.op) throw new ParseError("syntax error near unexpected token `newline'");
      current.redirects.push({
        fd: t.op.startsWith("2") ? 2 : 1,
        target: target.word,
        append: t.op.endsWith(">>"),
      });
    } else {
      current.argv.push(t.word);
    }
  }
  if (current.argv.length > 0) commands.push(current);
  else if (commands.length > 0) throw new ParseError("syntax error: unexpected end of file");
  if (commands.length > 0) pipelines.push({ commands, next: null });
  return pipelines;
}

interface Token {
  word: string;
  op?: string;
}

function lex(line: string): Token[] {
  const tokens: Token[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const flush = () => {
    if (inWord) tokens.push({ word });
    word = "";
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === " " || c === "\t") {
      flush();
      i++;
    } else if (c === "#" && !inWord) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
        word += line[i];
        i++;
      }
      if (i >= line.length) throw new ParseError("unexpected EOF while looking for matching `\"'");
      i++;
    } else if (c === "\\") {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (
      c === "|" ||
      c === ";" ||
      c === "&" ||
      c === ">" ||
      (c === "2" && !inWord && line[i + 1] === ">")
    ) {
      const op = /^(\|\||&&|2>>|2>|>>|>|\||;|&)/.exec(line.slice(i))![1]!;
      if (op === "&") throw new ParseError("background jobs are not supported here");
      flush();
      tokens.push({ word: op, op });
      i += op.length;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return tokens;
}
