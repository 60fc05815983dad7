/**
 * Every lesson file in src/lessons, loaded on demand (each is its own
 * chunk) and checked; a broken file becomes an error entry, never a crash.
 */
import { EXAMPLES, exampleName, exampleText } from "../examples";
import { LESSON_FILE_NAMES, lessonFile } from "./assets";
import { type LessonFileResult, parseLesson } from "./parse";
import type { LessonFiles } from "./runStep";

const FILES = import.meta.glob<string>("./*.yaml", { query: "?raw", import: "default" });

export { exampleText } from "../examples";

/** The example names lessons may refer to with `example:`. */
export const EXAMPLE_NAMES: readonly string[] = Object.keys(EXAMPLES).map(exampleName).sort();

/** Examples and lesson files, as steps read them. */
export const LESSON_FILES: LessonFiles = { example: exampleText, file: lessonFile };

/** Loads and checks every lesson, in file-name order (files start with a number: 01-, 02-, ...). */
export async function loadLessons(
  files: Record<string, () => Promise<string>> = FILES,
): Promise<LessonFileResult[]> {
  const paths = Object.keys(files).sort();
  return Promise.all(
    paths.map(async (path) => {
      const name = path.replace(/^\.\//, "");
      try {
        return parseLesson(name, await files[path]!(), { examples: EXAMPLE_NAMES, files: LESSON_FILE_NAMES });
      } catch (e) {
        return {
          ok: false as const,
          file: name,
          errors: [`(file): ${e instanceof Error ? e.message : String(e)}`],
        };
      }
    }),
  );
}
