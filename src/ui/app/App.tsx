import { useEffect } from "react";
import { ChartPanel } from "../features/chart/ChartPanel";
import { EditorPanel } from "../features/editor/EditorPanel";
import { SendPacketForm } from "../features/send/SendPacketForm";
import { TopologyPanel } from "../features/topology/TopologyPanel";
import { Terminal } from "../features/terminal/Terminal";
import { Playback } from "../features/trace/Playback";
import { TracePanel } from "../features/trace/TracePanel";
import { usePlaybackKeys } from "../features/trace/usePlaybackKeys";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { LanguageSelect } from "./LanguageSelect";
import { ModeSelect } from "./ModeSelect";
import { Notice } from "./Notice";
import { useBoot } from "./useBoot";

/** The workbench: manifests, topology with the packet, trace, terminal, chart. */
export function App() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const theme = useAppStore((s) => s.theme);
  useBoot();
  usePlaybackKeys(true);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = theme;
    document.title = `${t("app.title")} — ${t("app.tagline")}`;
  }, [language, theme, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#topology">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <h1>{t("app.title")}</h1>
        <p className="tagline">{t("app.tagline")}</p>
        <div className="header-controls">
          <ModeSelect />
          <LanguageSelect />
        </div>
      </header>
      <Notice />
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
