/**
 * Every lesson file in src/lessons, loaded on demand (each is its own
 * chunk) and checked; a broken file becomes an error entry, never a crash.
 */
import { EXAMPLES, exampleName } from "../examples";
import { LESSON_FILE_NAMES } from "./assets";
import { type LessonFileResult, parseLesson } from "./parse";

const FILES = import.meta.glob<string>("./*.yaml", { query: "?raw", import: "default" });

export { exampleText } from "../examples";
export { LESSON_FILES } from "./files";

/** The example names lessons may refer to with `example:`. */
export const EXAMPLE_NAMES: readonly string[] = Object.keys(EXAMPLES).map(exampleName).sort();

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
