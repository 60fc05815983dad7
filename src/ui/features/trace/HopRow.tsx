import { useEffect, useRef } from "react";
import type { TraceHop } from "../../../engine/net/types";
import { noEndpointsText, noteText, stageText } from "../../i18n/traceWords";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { costValues } from "./costValues";
import { HopInspector } from "./HopInspector";

interface Props {
  hop: TraceHop;
  index: number;
  current: boolean;
}

/** One hop of the list: where, which stage, what matched and changed; the current one opens its inspector. */
export function HopRow({ hop, index, current }: Props) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const setHop = useAppStore((s) => s.setHop);
  const pause = useAppStore((s) => s.pause);
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (current) row.current?.scrollIntoView?.({ block: "nearest" });
  }, [current]);
  const note = noteText(language, hop);
  const why = noEndpointsText(language, hop);
  return (
    <li ref={row} aria-current={current ? "step" : undefined} className={`hop hop-${hop.direction}`}>
      <button
        type="button"
        className="hop-select"
        aria-expanded={current}
        onClick={() => {
          pause();
          setHop(index);
        }}
      >
        <span className="hop-index">{index + 1}</span>
        <span className="hop-place">{placeText(hop, t("topology.outside"))}</span>
        <span className="hop-stage">{stageText(language, hop)}</span>
      </button>
      {hop.rule && !(current && hop.walk) ? <code className="hop-rule">{hop.rule}</code> : null}
      {hop.rewrite ? (
        <span className="hop-rewrite">
          {hop.rewrite.type} {hop.rewrite.before.ip}:{hop.rewrite.before.port} → {hop.rewrite.after.ip}:
          {hop.rewrite.after.port}
        </span>
      ) : null}
      {hop.cost.rulesEvaluated || hop.cost.lookups ? (
        <span className="hop-cost">{t("trace.costValue", costValues(t, hop.cost))}</span>
      ) : null}
      {note ? <span className="hop-note">{note}</span> : null}
      {why ? <span className="hop-why">{why}</span> : null}
      {current ? <HopInspector hop={hop} index={index} /> : null}
    </li>
  );
}

function placeText(h: TraceHop, outside: string): string {
  const p = h.place;
  if (p.external) return outside;
  return [p.node, p.pod ? `${p.namespace ?? "default"}/${p.pod}` : undefined, p.interface]
    .filter(Boolean)
    .join(" · ");
}
