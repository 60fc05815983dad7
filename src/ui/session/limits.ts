import { MAX_DUMP_CHARS } from "../../engine/api/import/read/maxDump";

/** Bounds on a session record read from outside: storage anyone with devtools can edit, or a link from anyone. */
export interface RecordLimits {
  /** Journal entries. */
  entries: number;
  /** Files in one apply. */
  files: number;
  fileNameLength: number;
  /** Characters of one manifest file (and of the draft). */
  textLength: number;
  /** Characters of all manifest texts together. */
  totalText: number;
  /** Characters of one terminal line. */
  lineLength: number;
  lessonIdLength: number;
  lessonSteps: number;
}

/** A share link: small enough to paste and to inflate safely. */
export const LINK_LIMITS: RecordLimits = {
  entries: 2000,
  files: 16,
  fileNameLength: 128,
  textLength: 256 * 1024,
  totalText: 512 * 1024,
  lineLength: 4096,
  lessonIdLength: 64,
  lessonSteps: 1000,
};

/**
 * The browser's own storage: a 10,000-Service cluster's manifests are several MB, and a cluster
 * dump (kept in IndexedDB, see bigTexts.ts) as long as an import reads.
 */
export const STORAGE_LIMITS: RecordLimits = {
  ...LINK_LIMITS,
  entries: 20_000,
  files: 1000,
  textLength: MAX_DUMP_CHARS,
  totalText: 2 * MAX_DUMP_CHARS,
};
