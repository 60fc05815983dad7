import { partHeading } from "../../../engine/net/hopStory";
import type { WalkPart } from "../../../engine/net/hopWalk";
import { ChainVisitView } from "./ChainVisitView";
import { IpvsView } from "./IpvsView";

/** A hop's walk, table by table (and IPVS), as the kernel did it. */
export function WalkView({ parts }: { parts: readonly WalkPart[] }) {
  return (
    <div className="walk">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence.
        <div key={i} className={`walk-part walk-part-${part.k}`}>
          <h4 className="walk-heading">
            <code>{partHeading(part)}</code>
          </h4>
          {part.k === "netfilter" ? <ChainVisitView visit={part.visit} /> : <IpvsView walk={part} />}
        </div>
      ))}
    </div>
  );
}
