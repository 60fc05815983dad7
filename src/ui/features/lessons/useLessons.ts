import { useEffect, useState, useSyncExternalStore } from "react";
import type { LessonFileResult } from "../../../lessons/parse";
import type { Lesson } from "../../../lessons/types";
import { useAppStore } from "../../store";

export interface LessonCatalog {
  lessons: Lesson[];
  /** Files that did not load, with their problems, to show (never to crash on). */
  broken: { file: string; errors: string[] }[];
}

let loading: Promise<LessonCatalog> | null = null;
const waiting = new Set<(c: LessonCatalog) => void>();
/** Told when the first request starts the load. */
const started = new Set<() => void>();

/**
 * Loads the lessons (and the YAML parser they need) once per page, when
 * first needed: a lesson in progress, the lesson chooser, presentation mode.
 */
export function requestLessons(): Promise<LessonCatalog> {
  if (loading) return loading;
  loading = import("../../../lessons/loader")
    .then((m) => m.loadLessons())
    .then((results: LessonFileResult[]) => {
      const c = {
        lessons: results.flatMap((r) => (r.ok ? [r.lesson] : [])),
        broken: results.flatMap((r) => (r.ok ? [] : [{ file: r.file, errors: r.errors }])),
      };
      for (const w of waiting) w(c);
      return c;
    });
  for (const l of started) l();
  return loading;
}

/** Whether the lessons were asked for yet (they load only then: until then nothing is loading). */
export function useLessonsRequested(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      started.add(onChange);
      return () => started.delete(onChange);
    },
    () => loading !== null,
  );
}

/** Every lesson once loaded (null before); loads them at once when a lesson is open or presenting. */
export function useLessons(): LessonCatalog | null {
  const [value, setValue] = useState<LessonCatalog | null>(null);
  const needed = useAppStore((s) => s.lessonId !== null || s.presentation);
  useEffect(() => {
    waiting.add(setValue);
    if (loading) void loading.then(setValue);
    return () => {
      waiting.delete(setValue);
    };
  }, []);
  useEffect(() => {
    if (needed) void requestLessons();
  }, [needed]);
  return value;
}
