import { useEffect } from "react";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { SPEEDS } from "../../store/playbackSlice";

/** How long one hop takes at speed 1. */
const HOP_MS = 900;

interface Props {
  /** Opens the trace beside the diagram; absent where the trace has a tab of its own (a phone). */
  onOpenTrace?: () => void;
}

/** Play, pause, step and speed for the selected packet's journey; shown while there is one. */
export function Playback({ onOpenTrace }: Props) {
  const t = useT();
  const trace = useAppStore((s) => s.trace);
  const hop = useAppStore((s) => s.hop);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const play = useAppStore((s) => s.play);
  const pause = useAppStore((s) => s.pause);
  const stepForward = useAppStore((s) => s.stepForward);
  const stepBack = useAppStore((s) => s.stepBack);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const advance = useAppStore((s) => s.advance);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each hop reached arms the timer for the next.
  useEffect(() => {
    if (!playing || !trace) return;
    const timer = setTimeout(advance, HOP_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, trace, hop, speed, advance]);

  if (!trace) return null;
  return (
    <div className="playback toolbar" role="toolbar" aria-label={t("playback.region")}>
      <button
        type="button"
        className="icon-button"
        onClick={stepBack}
        aria-label={t("playback.back")}
        title={`${t("playback.back")} (←)`}
      >
        <Icon name="stepBack" />
      </button>
      {playing ? (
        <button
          type="button"
          className="icon-button icon-button-primary"
          onClick={pause}
          aria-label={t("playback.pause")}
          title={`${t("playback.pause")} (Space)`}
        >
          <Icon name="pause" />
        </button>
      ) : (
        <button
          type="button"
          className="icon-button icon-button-primary"
          onClick={play}
          aria-label={t("playback.play")}
          title={`${t("playback.play")} (Space)`}
        >
          <Icon name="play" />
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        onClick={stepForward}
        aria-label={t("playback.forward")}
        title={`${t("playback.forward")} (→)`}
      >
        <Icon name="stepForward" />
      </button>
      <span className="playback-position" aria-live="polite">
        <span aria-hidden="true">
          {hop + 1} / {trace.hops.length}
        </span>
        <span className="visually-hidden">
          {t("playback.position", { n: hop + 1, total: trace.hops.length })}
        </span>
      </span>
      <label className="field field-inline">
        <span className="field-label">{t("playback.speed")}</span>
        <select className="select" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {onOpenTrace ? (
        <button type="button" className="button" onClick={onOpenTrace}>
          <Icon name="trace" />
          {t("trace.open")}
        </button>
      ) : null}
    </div>
  );
}
