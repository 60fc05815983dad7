/** Bounds on a share link: it is untrusted input from anyone. */
export const SHARE_LIMITS = {
  /** Compressed bytes in the fragment. */
  compressedBytes: 64 * 1024,
  /** Bytes after inflating: a small link must not inflate into a huge one. */
  decompressedBytes: 512 * 1024,
  manifestFiles: 16,
  manifestNameLength: 128,
  /** Characters of one manifest file (and of the editor's text). */
  manifestTextLength: 256 * 1024,
  lessonIdLength: 64,
  lessonSteps: 1000,
  /** Packets (sends, bursts, traced terminal lines) a link replays. */
  packets: 64,
  /** Characters of a traced terminal line, and of a packet's target. */
  lineLength: 1024,
  /** Connections in one burst (the engine's own limit). */
  burstCount: 1000,
  /** Hops of a trace. */
  hops: 10_000,
} as const;
