import type { IpvsScheduler, ProxyMode } from "../../../engine/api/configTypes";
import type { ManifestFile } from "../../../engine/simulation";
import type { SentPacket } from "../../store/playbackSlice";
import type { Language } from "../../store/settingsSlice";
import type { Phase } from "../trace/phases";

/** The format version a share link carries; a link of another version is refused. */
export const SCENARIO_VERSION = 1;

/** Where a lesson stands: which lesson, which step. */
export interface LessonPosition {
  id: string;
  step: number;
}

/** Where the reader stands in the last packet's trace: the hop shown and the phases folded. */
export interface TracePosition {
  hop: number;
  folded: Phase[];
}

/**
 * Everything needed to rebuild what someone sees: the same seed and the same
 * manifests give the same cluster, and then the same packets.
 */
export interface Scenario {
  v: typeof SCENARIO_VERSION;
  /** The engine's PRNG seed. */
  seed: number;
  /** Applied manifests, in the order they were applied. */
  manifests: ManifestFile[];
  /** The editor's text when it differs from what was applied. */
  editor?: string;
  mode: ProxyMode;
  scheduler: IpvsScheduler;
  lesson?: LessonPosition;
  language: Language;
  /** The packets sent since the last apply, replayed in order (none with a lesson: it sends its own). */
  packets?: SentPacket[];
  /** The position in the last packet's trace. */
  trace?: TracePosition;
}
