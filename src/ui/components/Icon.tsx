/** Small line icons drawn inline (no icon font: every glyph renders the same everywhere). */
const PATHS = {
  // A document with lines: the manifests.
  manifests: "M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 15h7M9 18h5",
  // An open book: the lesson.
  lesson: "M3 5c3-1 6-1 9 1 3-2 6-2 9-1v14c-3-1-6-1-9 1-3-2-6-2-9-1zM12 6v14",
  // Hops on a path: the trace.
  trace: "M4 18a2 2 0 1 0 0.01 0M12 6a2 2 0 1 0 0.01 0M20 14a2 2 0 1 0 0.01 0M5.5 16.5 10.5 7.5M13.5 7.5l5 5",
  // Nodes and a link: the diagram.
  diagram: "M4 4h6v5H4zM14 15h6v5h-6zM4 15h6v5H4zM7 9v6M10 6.5h7V15",
  terminal: "M3 5h18v14H3zM7 10l3 2-3 2M12 15h5",
  yaml: "M8 4 4 12l4 8M16 4l4 8-4 8M13.5 5l-3 14",
  chart: "M4 20V4M4 20h16M7 16l4-5 3 3 5-7",
  more: "M5 12h.01M12 12h.01M19 12h.01",
  close: "M6 6l12 12M18 6 6 18",
  share:
    "M15 5a2.5 2.5 0 1 0 0.01 0M6 12a2.5 2.5 0 1 0 0.01 0M15 19a2.5 2.5 0 1 0 0.01 0M8.2 10.8l4.6-3.6M8.2 13.2l4.6 3.6",
  present: "M3 4h18v12H3zM12 16v4M8 20h8",
  zoomIn: "M11 5a6 6 0 1 0 0.01 0M16 16l4 4M11 8v6M8 11h6",
  zoomOut: "M11 5a6 6 0 1 0 0.01 0M16 16l4 4M8 11h6",
  fit: "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5",
  chevronDown: "M6 9l6 6 6-6",
  chevronUp: "M6 15l6-6 6 6",
  send: "M4 12h14M13 6l6 6-6 6",
  burst: "M4 12h6M10 12l8-6M10 12h9M10 12l8 6",
  play: "M7 5v14l12-7z",
  pause: "M7 5h4v14H7zM13 5h4v14h-4z",
  stepBack: "M6 5h2v14H6zM20 5v14L9 12z",
  stepForward: "M16 5h2v14h-2zM4 5v14l11-7z",
  warning: "M12 4 2.5 20h19zM12 10v4M12 17h.01",
  apply: "M5 12l5 5 9-10",
} as const;

export type IconName = keyof typeof PATHS;

/** Filled glyphs; the rest are strokes. */
const FILLED: ReadonlySet<IconName> = new Set(["play", "pause", "stepBack", "stepForward"]);

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  const filled = FILLED.has(name);
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? "currentColor" : "none"}
      stroke={filled ? "none" : "currentColor"}
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The app's mark: the same drawing as public/icon.svg. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#1f4e79" />
      <g fill="none" stroke="#dbe7f3" strokeWidth="3">
        <rect x="8" y="36" width="20" height="18" rx="3" />
        <rect x="36" y="36" width="20" height="18" rx="3" />
        <path d="M32 22v8M18 36v-6h28v6" />
      </g>
      <rect x="22" y="8" width="20" height="14" rx="3" fill="#dbe7f3" />
      <circle cx="46" cy="30" r="5" fill="#f08c00" />
    </svg>
  );
}
