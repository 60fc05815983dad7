import { useEffect } from "react";
import { ChartPanel } from "../features/chart/ChartPanel";
import { EditorPanel } from "../features/editor/EditorPanel";
import { ExportControls } from "../features/export/ExportControls";
import { LessonPlayer } from "../features/lessons/LessonPlayer";
import { useLessonSync } from "../features/lessons/useLessonSync";
import { useLessons } from "../features/lessons/useLessons";
import { PresentationButton } from "../features/presentation/PresentationButton";
import { PresentationMode } from "../features/presentation/PresentationMode";
import { ThemeSelect } from "../features/presentation/ThemeSelect";
import { SendPacketForm } from "../features/send/SendPacketForm";
import { SaveStatus } from "../features/session/SaveStatus";
import { WorkspaceBar } from "../features/session/WorkspaceBar";
import { ShareControls } from "../features/share/ShareControls";
import { Terminal } from "../features/terminal/Terminal";
import { TopologyPanel } from "../features/topology/TopologyPanel";
import { Playback } from "../features/trace/Playback";
import { TracePanel } from "../features/trace/TracePanel";
import { usePlaybackKeys } from "../features/trace/usePlaybackKeys";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { LanguageSelect } from "./LanguageSelect";
import { ModeSelect } from "./ModeSelect";
import { Notice } from "./Notice";
import { useBoot } from "./useBoot";

/** The workbench (lesson, manifests, topology with the packet, trace, terminal, chart), or presentation mode. */
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

  return (
    <div className="app">
      <a className="skip-link" href="#topology">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <h1>{t("app.title")}</h1>
        <p className="tagline">{t("app.tagline")}</p>
        <div className="header-controls">
          <PresentationButton catalog={lessons} />
          <ModeSelect />
          <ThemeSelect />
          <LanguageSelect />
          <ShareControls />
          <ExportControls />
        </div>
      </header>
      <Notice />
      <SaveStatus />
      <WorkspaceBar />
      <LessonPlayer catalog={lessons} />
      <main className="workbench">
        <EditorPanel />
        <div className="stage">
          <SendPacketForm />
          <TopologyPanel />
          <Playback />
        </div>
        <div className="side">
          <TracePanel />
          <Terminal />
        </div>
        <ChartPanel />
      </main>
    </div>
  );
}
