import { ipvsMessages } from "../../../engine/net/hopStory";
import type { IpvsWalk } from "../../../engine/net/hopWalk";
import { useTraceWords } from "./useTraceWords";

/** What IPVS did at a hook: the lookups, the scheduler's reason and its table, the real server. */
export function IpvsView({ walk }: { walk: IpvsWalk }) {
  const words = useTraceWords();
  const lines = ipvsMessages(walk);
  return (
    <ol className="walk-ipvs">
      {lines.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed sequence.
        <li key={i} className={m.key === "ipvs.row" ? "walk-ipvs-row" : undefined}>
          {words(m)}
        </li>
      ))}
    </ol>
  );
}
