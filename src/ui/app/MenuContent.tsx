import { ExportControls } from "../features/export/ExportControls";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { PresentationButton } from "../features/presentation/PresentationButton";
import { useT } from "../i18n/useT";
import { LanguageChoice } from "./LanguageChoice";
import { ModeSelect } from "./ModeSelect";
import { ThemeChoice } from "./ThemeChoice";

/** The "More" menu's controls: export, theme, language; on a phone also the proxy mode and presentation mode. */
export function MenuContent({ lessons, phone }: { lessons: LessonCatalog | null; phone: boolean }) {
  const t = useT();
  return (
    <>
      {phone ? (
        <div className="menu-section">
          <ModeSelect />
          <PresentationButton catalog={lessons} />
        </div>
      ) : null}
      <section className="menu-section" aria-labelledby="app-menu-export">
        <h2 id="app-menu-export" className="menu-heading">
          {t("app.export")}
        </h2>
        <ExportControls />
      </section>
      <ThemeChoice />
      <LanguageChoice />
    </>
  );
}
