/**
 * Examples and lesson files, as steps read them. Kept apart from the loader:
 * replaying a lesson needs the files, not the YAML parser the loader brings.
 */
import { exampleText } from "../examples";
import { lessonFile } from "./assets";
import type { LessonFiles } from "./runStep";

export const LESSON_FILES: LessonFiles = { example: exampleText, file: lessonFile };
