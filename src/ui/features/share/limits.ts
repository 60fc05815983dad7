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
} as const;
