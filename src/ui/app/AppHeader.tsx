import { Logo } from "../components/Icon";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { PresentationButton } from "../features/presentation/PresentationButton";
import { useT } from "../i18n/useT";
import { HeaderMenu } from "./HeaderMenu";
import { HeaderShare } from "./HeaderShare";
import { ModeSelect } from "./ModeSelect";
import { PanelToggles } from "./PanelToggles";

/**
 * One compact bar: the name, the panels to show (wide screens), kube-proxy's mode and the primary
 * actions (present, share), and a menu for export, theme and language.
 */
export function AppHeader({ lessons, phone }: { lessons: LessonCatalog | null; phone: boolean }) {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <h1>{t("app.title")}</h1>
        <p className="tagline">{t("app.tagline")}</p>
      </div>
      {phone ? null : <PanelToggles />}
      <div className="header-actions">
        {phone ? null : <ModeSelect />}
        {phone ? null : <PresentationButton catalog={lessons} />}
        <HeaderShare />
        <HeaderMenu lessons={lessons} phone={phone} />
      </div>
    </header>
  );
}
