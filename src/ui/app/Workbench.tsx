import { PHONE_QUERY, useMediaQuery } from "../components/useMediaQuery";
import { EditorPanel } from "../features/editor/EditorPanel";
import type { LessonCatalog } from "../features/lessons/useLessons";
import { ShareStatusMessage } from "../features/share/ShareStatusMessage";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import type { SideTab } from "../store/layoutSlice";
import { AppHeader } from "./AppHeader";
import { Dock } from "./Dock";
import { Notice } from "./Notice";
import { PhoneTabs, phonePanel } from "./PhoneTabs";
import { SidePanel } from "./SidePanel";
import { Stage } from "./Stage";
import { useLayoutRules } from "./useLayoutRules";

/**
 * The workbench, laid out around the diagram. Wide screens: the manifests in a collapsible column
 * on the left, the diagram in the middle with the terminal and chart docked under it, the lesson
 * or the trace in a side panel on the right. Phones: one view at a time, chosen in a tab bar.
 */
export function Workbench({ lessons }: { lessons: LessonCatalog | null }) {
  const t = useT();
  const phone = useMediaQuery(PHONE_QUERY);
  const editorOpen = useAppStore((s) => s.editorOpen);
  const side = useAppStore((s) => s.side);
  const phoneTab = useAppStore((s) => s.phoneTab);
  const setEditorOpen = useAppStore((s) => s.setEditorOpen);
  useLayoutRules(phone);

  const editorShown = phone ? phoneTab === "yaml" : editorOpen;
  const sideTab: SideTab | null = phone
    ? phoneTab === "lesson" || phoneTab === "trace"
      ? phoneTab
      : null
    : side;
  const stageShown = !phone || phoneTab === "diagram";
  const dockShown = !phone || phoneTab === "terminal";

  return (
    <div className="app" data-layout={phone ? "phone" : "desktop"}>
      <a className="skip-link" href="#topology">
        {t("app.skip")}
      </a>
      <AppHeader lessons={lessons} phone={phone} />
      <Notice />
      <ShareStatusMessage />
      <main
        className="workbench"
        data-editor={editorShown ? "open" : "closed"}
        data-side={sideTab ?? "closed"}
      >
        <div id="wb-editor" className="wb-editor" hidden={!editorShown} {...phonePanel(phone, "yaml")}>
          <EditorPanel shown={editorShown} onHide={phone ? undefined : () => setEditorOpen(false)} />
        </div>
        <div className="wb-center" hidden={!stageShown && !dockShown}>
          <Stage hidden={!stageShown} phone={phone} />
          <Dock hidden={!dockShown} phone={phone} />
        </div>
        <SidePanel tab={sideTab} phone={phone} lessons={lessons} />
      </main>
      {phone ? <PhoneTabs /> : null}
    </div>
  );
}
