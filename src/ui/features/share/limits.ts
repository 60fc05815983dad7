/** Bounds on a share link's bytes: it is untrusted input from anyone (its content: session/limits.ts). */
export const SHARE_LIMITS = {
  /** Compressed bytes in the fragment. */
  compressedBytes: 64 * 1024,
  /** Bytes after inflating: a small link must not inflate into a huge one. */
  decompressedBytes: 1024 * 1024,
} as const;
