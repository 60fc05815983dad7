import { useEffect, useState } from "react";
import { loadLessons } from "../../../lessons/loader";
import type { LessonFileResult } from "../../../lessons/parse";
import type { Lesson } from "../../../lessons/types";

export interface LessonCatalog {
  lessons: Lesson[];
  /** Files that did not load, with their problems, to show (never to crash on). */
  broken: { file: string; errors: string[] }[];
}

let loading: Promise<LessonCatalog> | null = null;

function catalog(): Promise<LessonCatalog> {
  loading ??= loadLessons().then((results: LessonFileResult[]) => ({
    lessons: results.flatMap((r) => (r.ok ? [r.lesson] : [])),
    broken: results.flatMap((r) => (r.ok ? [] : [{ file: r.file, errors: r.errors }])),
  }));
  return loading;
}

/** Every lesson, loaded once per page; null until loaded. */
export function useLessons(): LessonCatalog | null {
  const [value, setValue] = useState<LessonCatalog | null>(null);
  useEffect(() => {
    let live = true;
    void catalog().then((c) => {
      if (live) setValue(c);
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}
