import { Icon } from "../components/Icon";
import { LessonPlayer } from "../features/lessons/LessonPlayer";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { TraceSide } from "../features/trace/TraceSide";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import type { SideTab } from "../store/layoutSlice";
import { phonePanel } from "./PhoneTabs";

interface Props {
  tab: SideTab | null;
  phone: boolean;
  lessons: LessonCatalog | null;
}

/**
 * Beside the diagram: the lesson's narration and questions, or the selected packet's trace. Both
 * stay mounted while hidden, so a lesson or a long trace keeps its place.
 */
export function SidePanel({ tab, phone, lessons }: Props) {
  const t = useT();
  const setSide = useAppStore((s) => s.setSide);
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
        <LessonPlayer catalog={lessons} />
      </div>
      <div className="side-body" hidden={tab !== "trace"} {...phonePanel(phone, "trace")}>
        <TraceSide />
      </div>
    </aside>
  );
}
