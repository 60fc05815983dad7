import { markText, packetLine, tcpFlags } from "../../../engine/net/packetText";
import type { Packet } from "../../../engine/net/types";
import { useT } from "../../i18n/useT";

/** A header field as conntrack and iptables name it, read from a packet. */
interface Field {
  name: string;
  read: (p: Packet) => string;
}

const LAYERS: { layer: (p: Packet) => string; fields: Field[] }[] = [
  {
    layer: () => "L3 IPv4",
    fields: [
      { name: "src", read: (p) => p.src },
      { name: "dst", read: (p) => p.dst },
    ],
  },
  {
    layer: (p) => `L4 ${p.proto}`,
    fields: [
      { name: "sport", read: (p) => String(p.sport) },
      { name: "dport", read: (p) => String(p.dport) },
      { name: "flags", read: (p) => (p.proto === "TCP" ? tcpFlags(p.flags) : "-") },
    ],
  },
  { layer: () => "skb", fields: [{ name: "mark", read: (p) => markText(p.mark) }] },
];

/**
 * The packet by layer, field by field, as it came into the hop and as it
 * left it (what the hop changed is marked), then as tcpdump starts its line.
 */
export function PacketLayers({ before, after }: { before?: Packet; after: Packet }) {
  const t = useT();
  const columns = before ? 3 : 2;
  return (
    <div className="inspector-packet">
      <table className="inspector-layers">
        <thead>
          <tr>
            <td />
            {before ? <th scope="col">{t("inspector.before")}</th> : null}
            <th scope="col">{before ? t("inspector.after") : t("inspector.unchangedShort")}</th>
          </tr>
        </thead>
        {LAYERS.map(({ layer, fields }) => (
          <tbody key={layer(after)}>
            <tr className="inspector-layer">
              <th scope="rowgroup" colSpan={columns}>
                {layer(after)}
              </th>
            </tr>
            {fields.map((f) => {
              const out = f.read(after);
              const changed = before !== undefined && f.read(before) !== out;
              return (
                <tr key={f.name}>
                  <th scope="row">{f.name}</th>
                  {before ? <td>{f.read(before)}</td> : null}
                  <td className={changed ? "inspector-changed" : undefined}>{out}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <code className="inspector-line">{packetLine(after)}</code>
    </div>
  );
}
