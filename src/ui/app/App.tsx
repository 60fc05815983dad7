import { lazy, Suspense, useEffect } from "react";
import { useLessonSync } from "../features/lessons/useLessonSync";
import { useLessons } from "../features/lessons/useLessons";
import { usePlaybackKeys } from "../features/trace/usePlaybackKeys";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { useBoot } from "./useBoot";
import { Workbench } from "./Workbench";
import "./shell.css";

// Presentation mode is entered by a click: its code is fetched then, not with the page.
const PresentationMode = lazy(() =>
  import("../features/presentation/PresentationMode").then((m) => ({ default: m.PresentationMode })),
);

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

  if (presentation)
    return (
      <Suspense fallback={null}>
        <PresentationMode catalog={lessons} />
      </Suspense>
    );
  return <Workbench lessons={lessons} />;
}
