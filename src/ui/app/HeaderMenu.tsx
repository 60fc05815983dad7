import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { Icon } from "../components/Icon";
import { useDismiss } from "../components/useDismiss";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { useT } from "../i18n/useT";

// The menu's controls (export's SVG and PNG writers among them) come with its first opening.
const MenuContent = lazy(() => import("./MenuContent").then((m) => ({ default: m.MenuContent })));

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
          <Suspense fallback={null}>
            <MenuContent lessons={lessons} phone={phone} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
