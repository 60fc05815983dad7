import { useSyncExternalStore } from "react";
import { Icon } from "../components/Icon";
import { Splitter } from "../components/Splitter";
import { TabList, tabId, tabPanelId } from "../components/TabList";
import { ChartPanel } from "../features/chart/ChartPanel";
import { Terminal } from "../features/terminal/Terminal";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import type { DockTab } from "../store/layoutSlice";
import "../features/terminal/terminal.css";
import { phonePanel } from "./PhoneTabs";

const ID = "dock";

/** Default heights: the terminal a fifth of the window, the chart half of it. */
function defaultHeight(tab: DockTab, windowHeight: number): number {
  return tab === "chart"
    ? Math.min(640, Math.max(300, windowHeight * 0.5))
    : Math.min(320, Math.max(160, windowHeight * 0.22));
}

function useWindowHeight(): number {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener("resize", onChange);
      return () => window.removeEventListener("resize", onChange);
    },
    () => window.innerHeight,
    () => 800,
  );
}

/**
 * The tools under the diagram: the terminal and the lookup-cost chart, as tabs. On a wide screen
 * it can be collapsed to its tab bar and resized by its top edge; on a phone it is the Terminal view.
 */
export function Dock({ hidden, phone }: { hidden: boolean; phone: boolean }) {
  const t = useT();
  const tab = useAppStore((s) => s.dockTab);
  const open = useAppStore((s) => s.dockOpen || phone);
  const chosen = useAppStore((s) => s.dockHeight);
  const setTab = useAppStore((s) => s.setDockTab);
  const setOpen = useAppStore((s) => s.setDockOpen);
  const setHeight = useAppStore((s) => s.setDockHeight);
  const windowHeight = useWindowHeight();
  const height = chosen ?? defaultHeight(tab, windowHeight);
  const max = Math.max(200, windowHeight * 0.75);

  return (
    <section
      className="dock"
      aria-label={t("dock.label")}
      hidden={hidden}
      data-open={open}
      style={phone || !open ? undefined : { height: Math.min(height, max) }}
      {...phonePanel(phone, "terminal")}
    >
      {!phone && open ? (
        <Splitter
          label={t("dock.resize")}
          value={Math.min(height, max)}
          min={120}
          max={max}
          onChange={setHeight}
          className="splitter dock-splitter"
        />
      ) : null}
      <div className="dock-bar">
        <TabList
          items={[
            { id: "terminal", label: t("dock.terminal"), icon: <Icon name="terminal" size={16} /> },
            { id: "chart", label: t("dock.chart"), icon: <Icon name="chart" size={16} /> },
          ]}
          selected={open ? tab : null}
          onSelect={setTab}
          label={t("dock.label")}
          idPrefix={ID}
          className="tablist dock-tablist"
        />
        {phone ? null : (
          <button
            type="button"
            className="icon-button dock-toggle"
            aria-expanded={open}
            aria-label={open ? t("dock.collapse") : t("dock.expand")}
            title={open ? t("dock.collapse") : t("dock.expand")}
            onClick={() => setOpen(!open)}
          >
            <Icon name={open ? "chevronDown" : "chevronUp"} />
          </button>
        )}
      </div>
      <div
        role="tabpanel"
        id={tabPanelId(ID, "terminal")}
        aria-labelledby={tabId(ID, "terminal")}
        className="dock-panel dock-terminal"
        hidden={!open || tab !== "terminal"}
      >
        <Terminal />
      </div>
      <div
        role="tabpanel"
        id={tabPanelId(ID, "chart")}
        aria-labelledby={tabId(ID, "chart")}
        className="dock-panel dock-chart"
        hidden={!open || tab !== "chart"}
      >
        <ChartPanel />
      </div>
    </section>
  );
}
