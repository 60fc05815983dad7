import { markText, packetLine, tcpFlags } from "../../../engine/net/packetText";
import type { Packet } from "../../../engine/net/types";
import { useT } from "../../i18n/useT";

interface Row {
  label: string;
  before?: string;
  after: string;
}

/**
 * The packet by layer, as it came into the hop and as it left it: L3
 * addresses, L4 ports and flags, skb->mark; what the hop changed is marked.
 */
export function PacketLayers({ before, after }: { before?: Packet; after: Packet }) {
  const t = useT();
  const l4 = (p: Packet) => `${p.sport} → ${p.dport}${p.proto === "TCP" ? ` ${tcpFlags(p.flags)}` : ""}`;
  const rows: Row[] = [
    {
      label: t("inspector.l3"),
      before: before && `${before.src} → ${before.dst}`,
      after: `${after.src} → ${after.dst}`,
    },
    { label: t("inspector.l4", { proto: after.proto }), before: before && l4(before), after: l4(after) },
    { label: t("inspector.mark"), before: before && markText(before.mark), after: markText(after.mark) },
  ];
  return (
    <div className="inspector-packet">
      <table className="inspector-layers">
        <thead>
          <tr>
            <th scope="col">{t("inspector.layer")}</th>
            {before ? <th scope="col">{t("inspector.before")}</th> : null}
            <th scope="col">{before ? t("inspector.after") : t("inspector.packet")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {before ? <td>{r.before}</td> : null}
              <td className={before && r.before !== r.after ? "inspector-changed" : undefined}>{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <code className="inspector-line">{packetLine(after)}</code>
      {before ? null : <p className="inspector-note">{t("inspector.unchanged")}</p>}
    </div>
  );
}
