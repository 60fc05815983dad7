import { hopSummary, ipvsMessages, whyMessage } from "../../../engine/net/hopStory";
import type { TraceHop } from "../../../engine/net/types";
import { useT } from "../../i18n/useT";
import { useTraceWords } from "./useTraceWords";

/** IPVS lines that explain a choice (not the lookup's echo or a reply). */
const CHOICE =
  /^ipvs\.(rr|wrr|order|lc|wlc|sed|nq|row|sh|dh|mh|fallback|locality|template|existing|masq|noDest)/;

/**
 * "Why here": the tests on the path taken that chose the backend — the roll
 * that matched, the list or set that remembered the client, the numgen draw,
 * the IPVS scheduler's reason — first, before the whole walk.
 */
export function WhyView({ hop }: { hop: TraceHop }) {
  const t = useT();
  const words = useTraceWords();
  const summary = hopSummary(hop);
  const ipvs = hop.walk?.flatMap((p) => (p.k === "ipvs" ? ipvsMessages(p) : [])) ?? [];
  const lines = [
    ...summary.why.map((w) => whyMessage(w, words)),
    ...ipvs.filter((m) => CHOICE.test(m.key)).map(words),
  ];
  if (lines.length === 0) return null;
  return (
    <div className="inspector-section inspector-why">
      <h3 className="inspector-title">{t("inspector.why")}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
