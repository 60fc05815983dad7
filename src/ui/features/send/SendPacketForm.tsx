import { useState } from "react";
import type { BurstResult } from "../../../engine/net/burst";
import type { PacketSource } from "../../../engine/net/contract";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { sendBurst, sendPacket } from "../../store/actions";
import { BurstTable } from "./BurstTable";
import { useSourceOptions } from "./useSourceOptions";

/** Choose a source and a destination, then send one packet or a burst of connections. */
export function SendPacketForm() {
  const t = useT();
  const options = useSourceOptions();
  const [source, setSource] = useState("");
  const [destination, setDestination] = useState("");
  const [count, setCount] = useState(100);
  const [burst, setBurst] = useState<BurstResult | null>(null);
  const busy = useAppStore((s) => s.busy);
  const chosen = source || options[0]?.value || "external";

  const request = () => ({ from: decodeSource(chosen), target: destination.trim() });
  const onSend = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!destination.trim()) return;
    setBurst(null);
    await sendPacket(request());
  };
  const onBurst = async () => {
    if (!destination.trim()) return;
    setBurst(await sendBurst(request(), count));
  };

  return (
    <section className="send-panel" aria-label={t("send.region")}>
      <form onSubmit={onSend} className="send-form">
        <label>
          {t("send.source")}
          <select value={chosen} onChange={(e) => setSource(e.target.value)} aria-label={t("send.source")}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("send.destination")}
          <input
            value={destination}
            onChange={(e) => setDestination(e.target.value)}
            placeholder={t("send.destinationHint")}
            aria-label={t("send.destination")}
            spellCheck={false}
          />
        </label>
        <button type="submit" disabled={busy || !destination.trim()}>
          {t("send.button")}
        </button>
        <label className="burst-count">
          {t("send.burstCount")}
          <input
            type="number"
            min={1}
            max={1000}
            value={count}
            onChange={(e) => setCount(clamp(Number(e.target.value)))}
          />
        </label>
        <button type="button" onClick={onBurst} disabled={busy || !destination.trim()}>
          {t("send.burst")}
        </button>
      </form>
      {burst ? <BurstTable result={burst} /> : null}
    </section>
  );
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
