import { type KeyboardEvent, type PointerEvent, useRef } from "react";

interface Props {
  label: string;
  /** The panel's height in px now, and its limits. */
  value: number;
  min: number;
  max: number;
  onChange: (px: number) => void;
  className?: string;
}

const KEY_STEP = 24;

/**
 * The handle on a panel's top edge: drag it, or focus it and use the arrow keys (Home and End for
 * the limits), to make the panel below taller or shorter (WAI-ARIA's window splitter).
 */
export function Splitter({ label, value, min, max, onChange, className }: Props) {
  const drag = useRef<{ y: number; from: number } | null>(null);
  const clamp = (px: number) => Math.round(Math.min(max, Math.max(min, px)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, from: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onChange(clamp(drag.current.from + drag.current.y - e.clientY));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === "ArrowUp"
        ? value + KEY_STEP
        : e.key === "ArrowDown"
          ? value - KEY_STEP
          : e.key === "Home"
            ? min
            : e.key === "End"
              ? max
              : null;
    if (next === null) return;
    e.preventDefault();
    onChange(clamp(next));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a window splitter has no HTML element; <hr> cannot take focus or a value.
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      tabIndex={0}
      className={className ?? "splitter"}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onKeyDown={onKeyDown}
    />
  );
}
