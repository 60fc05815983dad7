import { useEffect } from "react";
import { useLessonSync } from "../features/lessons/useLessonSync";
import { useLessons } from "../features/lessons/useLessons";
import { PresentationMode } from "../features/presentation/PresentationMode";
import { usePlaybackKeys } from "../features/trace/usePlaybackKeys";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { useBoot } from "./useBoot";
import { Workbench } from "./Workbench";
import "./shell.css";

/** The workbench (diagram, manifests, lesson, trace, terminal, chart), or presentation mode. */
export function App() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const theme = useAppStore((s) => s.theme);
  const presentation = useAppStore((s) => s.presentation);
  const lessons = useLessons();
  useBoot();
  useLessonSync(lessons);
  usePlaybackKeys(!presentation);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = theme;
    document.title = `${t("app.title")} — ${t("app.tagline")}`;
  }, [language, theme, t]);

  if (presentation) return <PresentationMode catalog={lessons} />;
  return <Workbench lessons={lessons} />;
}
