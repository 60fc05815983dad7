import { useState } from "react";
import type { PacketSource } from "../../../engine/net/contract";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { sendBurst, sendPacket } from "../../store/actions";
import { useSourceOptions } from "./useSourceOptions";
import "./send.css";

/**
 * Choose a source and a destination, then send one packet (the diagram walks its trace) or a
 * burst of connections (the diagram draws them as flows with a count per backend).
 */
export function SendPacketForm() {
  const t = useT();
  const options = useSourceOptions();
  const [source, setSource] = useState("");
  const [destination, setDestination] = useState("");
  const [count, setCount] = useState(100);
  const [sourcePort, setSourcePort] = useState("");
  const busy = useAppStore((s) => s.busy);
  const chosen = source || options[0]?.value || "external";
  const sport = portOf(sourcePort);
  const ready = !busy && destination.trim() !== "" && sport !== null;

  // One connection binds the chosen source port; a burst's connections take ephemeral ones.
  const request = () => ({
    from: decodeSource(chosen),
    target: destination.trim(),
    ...(sport ? { sport } : {}),
  });
  const onSend = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!destination.trim()) return;
    await sendPacket(request());
  };
  const onBurst = async () => {
    if (!destination.trim()) return;
    await sendBurst(request(), count);
  };

  return (
    <section className="send-panel toolbar" aria-label={t("send.region")}>
      <form onSubmit={onSend} className="send-form">
        <label className="field field-inline send-source">
          <span className="field-label">{t("send.source")}</span>
          <select
            className="select"
            value={chosen}
            onChange={(e) => setSource(e.target.value)}
            aria-label={t("send.source")}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline send-destination">
          <span className="field-label">{t("send.destination")}</span>
          <input
            className="input"
            value={destination}
            onChange={(e) => setDestination(e.target.value)}
            placeholder={t("send.destinationHint")}
            aria-label={t("send.destination")}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
          />
        </label>
        <label className="field field-inline send-sport">
          <span className="field-label">{t("send.sourcePort")}</span>
          <input
            className="input"
            type="number"
            min={1}
            max={65535}
            value={sourcePort}
            onChange={(e) => setSourcePort(e.target.value)}
            placeholder={t("send.sourcePortHint")}
            title={t("send.sourcePortTitle")}
            aria-invalid={sport === null}
          />
        </label>
        <button type="submit" className="button button-primary send-go" disabled={!ready}>
          <Icon name="send" />
          {t("send.button")}
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <label className="field field-inline send-count">
          <span className="field-label">{t("send.burstCount")}</span>
          <input
            className="input"
            type="number"
            min={1}
            max={1000}
            value={count}
            onChange={(e) => setCount(clamp(Number(e.target.value)))}
          />
        </label>
        <button type="button" className="button send-burst" onClick={onBurst} disabled={!ready}>
          <Icon name="burst" />
          {t("send.burst")}
        </button>
      </form>
    </section>
  );
}

/** The source port typed: none (ephemeral), a port 1–65535, or null when it is not one. */
function portOf(text: string): number | undefined | null {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.round(n), 1), 1000) : 1;
}

/** `pod:ns/name`, `node:name` or `external`. */
export function decodeSource(value: string): PacketSource {
  if (value.startsWith("pod:")) {
    const [namespace, name] = value.slice(4).split("/");
    return { type: "pod", namespace: namespace!, name: name! };
  }
  if (value.startsWith("node:")) return { type: "node", node: value.slice(5) };
  return { type: "external" };
}
