import { useCallback, useRef, useState } from "react";
import { Icon } from "../components/Icon";
import { useDismiss } from "../components/useDismiss";
import { ExportControls } from "../features/export/ExportControls";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { PresentationButton } from "../features/presentation/PresentationButton";
import { useT } from "../i18n/useT";
import { LanguageChoice } from "./LanguageChoice";
import { ModeSelect } from "./ModeSelect";
import { ThemeChoice } from "./ThemeChoice";

/**
 * The "More" menu: export, theme and language (and, on a phone, the proxy mode and presentation
 * mode, which the header has no room for). Escape or a click outside closes it.
 */
export function HeaderMenu({ lessons, phone }: { lessons: LessonCatalog | null; phone: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, popover, button);
  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-controls="app-menu"
        aria-label={t("app.menu")}
        title={t("app.menu")}
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" />
      </button>
      {open ? (
        <div ref={popover} id="app-menu" className="menu-popover">
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
        </div>
      ) : null}
    </div>
  );
}
