/** A lesson file's text → a checked Lesson, or the reasons it is not one. */
import { parse, YAMLParseError } from "yaml";
import type { Lesson } from "./types";
import { type KnownNames, validateLesson } from "./validate";

export type LessonFileResult =
  | { ok: true; file: string; lesson: Lesson }
  | { ok: false; file: string; errors: string[] };

/** Never throws: a YAML syntax error is reported like any other problem, with its line. */
export function parseLesson(file: string, text: string, known: KnownNames = {}): LessonFileResult {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}` : "(file)";
    const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    return { ok: false, file, errors: [`${where}: ${message}`] };
  }
  const result = validateLesson(raw, known);
  return result.ok ? { ok: true, file, lesson: result.lesson } : { ok: false, file, errors: result.errors };
}
