import type { TraceHop } from "../../../engine/net/types";
import { useT } from "../../i18n/useT";
import { ConntrackView } from "./ConntrackView";
import { PacketLayers } from "./PacketLayers";
import { WalkView } from "./WalkView";
import { WhyView } from "./WhyView";

/**
 * One hop in detail, in Linux's own notation: the packet before and after by
 * layer, the conntrack entry, and the walk — every rule tested, the draws and
 * lookups that decided, what IPVS did and why.
 */
export function HopInspector({ hop, index }: { hop: TraceHop; index: number }) {
  const t = useT();
  const walked = hop.walk && hop.walk.length > 0;
  return (
    <section className="inspector" aria-label={t("inspector.region", { n: index + 1 })}>
      <WhyView hop={hop} />
      <div className="inspector-section">
        <h3 className="inspector-title">{t("inspector.packet")}</h3>
        <PacketLayers before={hop.before} after={hop.packet} />
      </div>
      {hop.conntrack ? (
        <div className="inspector-section">
          <h3 className="inspector-title">{t("inspector.conntrack")}</h3>
          <ConntrackView ct={hop.conntrack} node={hop.place.node ?? ""} />
        </div>
      ) : null}
      {walked ? (
        <div className="inspector-section">
          <h3 className="inspector-title">{t("inspector.walk")}</h3>
          <WalkView parts={hop.walk!} />
        </div>
      ) : hop.kind === "hook" && hop.cost.rulesEvaluated > 0 ? (
        <p className="inspector-note">{t("inspector.noWalk")}</p>
      ) : null}
    </section>
  );
}
