import { useEffect } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { SPEEDS } from "../../store/playbackSlice";

/** How long one hop takes at speed 1. */
const HOP_MS = 900;

/** Play, pause, step and speed for the selected packet's journey. */
export function Playback() {
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

  const disabled = !trace;
  return (
    <div className="playback" role="toolbar" aria-label={t("playback.region")}>
      <button
        type="button"
        onClick={stepBack}
        disabled={disabled}
        aria-label={t("playback.back")}
        title={`${t("playback.back")} (←)`}
      >
        <Icon d="M6 5h2v14H6zM20 5v14L9 12z" />
      </button>
      {playing ? (
        <button
          type="button"
          onClick={pause}
          disabled={disabled}
          aria-label={t("playback.pause")}
          title={`${t("playback.pause")} (Space)`}
        >
          <Icon d="M7 5h4v14H7zM13 5h4v14h-4z" />
        </button>
      ) : (
        <button
          type="button"
          onClick={play}
          disabled={disabled}
          aria-label={t("playback.play")}
          title={`${t("playback.play")} (Space)`}
        >
          <Icon d="M7 5v14l12-7z" />
        </button>
      )}
      <button
        type="button"
        onClick={stepForward}
        disabled={disabled}
        aria-label={t("playback.forward")}
        title={`${t("playback.forward")} (→)`}
      >
        <Icon d="M16 5h2v14h-2zM4 5v14l11-7z" />
      </button>
      <label>
        {t("playback.speed")}{" "}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="playback-position" aria-live="polite">
        {trace ? `${hop + 1} / ${trace.hops.length}` : ""}
      </span>
    </div>
  );
}

/** A small inline icon (fonts may lack the media-control glyphs). */
function Icon({ d }: { d: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
