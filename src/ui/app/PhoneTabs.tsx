import { Icon } from "../components/Icon";
import { TabList, tabId, tabPanelId } from "../components/TabList";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { PHONE_TABS, type PhoneTab } from "../store/layoutSlice";

const ID = "view";

const ICONS = {
  diagram: "diagram",
  trace: "trace",
  terminal: "terminal",
  yaml: "yaml",
  lesson: "lesson",
} as const satisfies Record<PhoneTab, string>;

/** The attributes that make a region a phone tab's panel (none on a wide screen). */
export function phonePanel(phone: boolean, tab: PhoneTab) {
  return phone ? { role: "tabpanel", id: tabPanelId(ID, tab), "aria-labelledby": tabId(ID, tab) } : {};
}

/** A phone's views, one at a time: Diagram, Trace, Terminal, YAML, Lesson, in a bar at the bottom. */
export function PhoneTabs() {
  const t = useT();
  const tab = useAppStore((s) => s.phoneTab);
  const setTab = useAppStore((s) => s.setPhoneTab);
  const hops = useAppStore((s) => s.trace?.hops.length ?? 0);
  return (
    <nav className="phone-tabs" aria-label={t("app.views")}>
      <TabList
        items={PHONE_TABS.map((id) => ({
          id,
          label: t(`tabs.${id}`),
          icon: <Icon name={ICONS[id]} size={20} />,
          ...(id === "trace" && hops ? { badge: String(hops) } : {}),
        }))}
        selected={tab}
        onSelect={setTab}
        label={t("app.views")}
        idPrefix={ID}
        className="tablist phone-tablist"
      />
    </nav>
  );
}
