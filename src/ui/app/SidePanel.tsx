import { lazy, Suspense, useState } from "react";
import { Icon } from "../components/Icon";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import type { SideTab } from "../store/layoutSlice";
import { phonePanel } from "./PhoneTabs";

// Each tab's code comes when the tab is first opened, not with the page.
const LessonPlayer = lazy(() =>
  import("../features/lessons/LessonPlayer").then((m) => ({ default: m.LessonPlayer })),
);
const TraceSide = lazy(() => import("../features/trace/TraceSide").then((m) => ({ default: m.TraceSide })));

interface Props {
  tab: SideTab | null;
  phone: boolean;
  lessons: LessonCatalog | null;
}

/**
 * Beside the diagram: the lesson's narration and questions, or the selected packet's trace. Each
 * is mounted when first shown and stays mounted while hidden, so a lesson or a long trace keeps
 * its place.
 */
export function SidePanel({ tab, phone, lessons }: Props) {
  const t = useT();
  const setSide = useAppStore((s) => s.setSide);
  const [opened, setOpened] = useState<ReadonlySet<SideTab>>(new Set());
  if (tab && !opened.has(tab)) setOpened(new Set([...opened, tab]));
  return (
    <aside id="side-panel" className="side-panel" aria-label={t("panel.side")} hidden={tab === null}>
      {phone ? null : (
        <div className="panel-bar side-bar">
          <h2 className="panel-title">
            <Icon name={tab === "trace" ? "trace" : "lesson"} />
            {t(tab === "trace" ? "trace.region" : "lesson.region")}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t("panel.close")}
            title={t("panel.close")}
            onClick={() => setSide(null)}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
      <div className="side-body" hidden={tab !== "lesson"} {...phonePanel(phone, "lesson")}>
        {opened.has("lesson") ? (
          <Suspense fallback={null}>
            <LessonPlayer catalog={lessons} />
          </Suspense>
        ) : null}
      </div>
      <div className="side-body" hidden={tab !== "trace"} {...phonePanel(phone, "trace")}>
        {opened.has("trace") ? (
          <Suspense fallback={null}>
            <TraceSide />
          </Suspense>
        ) : null}
      </div>
    </aside>
  );
}
