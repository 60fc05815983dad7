import { useCallback, useDeferredValue, useEffect, useRef, useState } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { WhyNoEndpoints } from "../why/WhyNoEndpoints";
import type { Selected } from "./drawStatic";
import { TopologyA11y, type TopologyA11yHandle } from "./TopologyA11y";
import { useTopologyView } from "./useTopologyView";
import type { Insets } from "./viewport";
import "./topology.css";

const NO_INSETS: Insets = { top: 0, bottom: 0 };
const ZOOM_STEP = 1.25;

interface Props {
  /** Room toolbars over the panel's top and bottom edges take; the diagram keeps clear of it. */
  insets?: Insets;
}

/**
 * The cluster as a diagram: Services above, nodes with their data plane and pods below, the
 * selected packet walking its trace. d3 draws and animates inside `host`; React owns the
 * container, the zoom buttons and the accessible layer. Its type scales with the panel; a
 * host page may raise its label floor with the `--topo-min-label` CSS variable (presentation mode).
 */
export function TopologyPanel({ insets = NO_INSETS }: Props) {
  const t = useT();
  const view = useAppStore((s) => s.view);
  // The accessible layer of a big cluster is thousands of buttons: React builds it in slices that
  // give the page's thread back (a deferred render), not in the task that brought the view.
  const listed = useDeferredValue(view);
  const panel = useRef<HTMLElement>(null);
  const host = useRef<HTMLDivElement>(null);

  const a11y = useRef<TopologyA11yHandle>(null);
  // A glyph clicked: focus moves to its item in the accessible layer (which rings the glyph).
  const onSelect = useCallback((s: Selected) => a11y.current?.select(`${s.kind}:${s.key}`), []);
  const [partial, setPartial] = useState(false);
  const handle = useTopologyView(host, onSelect, setPartial);
  const onFocusItem = useCallback((id: string | null) => handle.current?.highlight(id), [handle]);
  const onReveal = useCallback((id: string) => handle.current?.reveal(id), [handle]);
  useEffect(() => handle.current?.setInsets(insets), [handle, insets]);

  return (
    <section
      ref={panel}
      className="topology-panel"
      aria-label={t("topology.region")}
      id="topology"
      tabIndex={-1}
    >
      <div ref={host} className="topo-canvas-host" />
      <div
        className="topo-zoom toolbar"
        role="toolbar"
        aria-label={t("topology.controls")}
        style={{ top: insets.top + 8 }}
      >
        <button
          type="button"
          className="icon-button"
          aria-label={t("topology.zoomIn")}
          title={t("topology.zoomIn")}
          onClick={() => handle.current?.zoomBy(ZOOM_STEP)}
        >
          <Icon name="zoomIn" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t("topology.zoomOut")}
          title={t("topology.zoomOut")}
          onClick={() => handle.current?.zoomBy(1 / ZOOM_STEP)}
        >
          <Icon name="zoomOut" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t("topology.fit")}
          title={t("topology.fit")}
          onClick={() => handle.current?.fit()}
        >
          <Icon name="fit" />
        </button>
      </div>
      {partial ? (
        <button
          type="button"
          className="topo-partial"
          style={{ bottom: insets.bottom + 8 }}
          onClick={() => handle.current?.fit()}
        >
          {t("topology.partial")}
        </button>
      ) : null}
      {view && view.nodes.length === 0 ? (
        <div className="topo-empty empty-state">
          <Icon name="diagram" size={28} />
          <p>{t("topology.empty")}</p>
        </div>
      ) : null}
      {view ? <WhyNoEndpoints view={view} bottom={insets.bottom} /> : null}
      {listed ? (
        <TopologyA11y ref={a11y} view={listed} onFocusItem={onFocusItem} onReveal={onReveal} />
      ) : null}
    </section>
  );
}
