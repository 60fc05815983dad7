/**
 * The session record: everything needed to rebuild what a user sees, as one
 * versioned piece of plain data. It is the single source of truth for a
 * workspace: persisted in the browser, replayed into a new engine after a
 * worker restart or a reload, and carried by share links.
 *
 * The engine is deterministic (one seeded PRNG, a virtual clock), so the same
 * seed and the same operations in the same order give the same cluster, the
 * same names and addresses, and the same packets.
 */
import type { IpvsScheduler, ProxyMode } from "../../engine/api/configTypes";
import type { SendRequest } from "../../engine/net/contract";
import type { ManifestFile } from "../../engine/simulation";
import type { TracePhase } from "../../lessons/types";

/** The record format's version; older saves and links are migrated (migrate.ts). */
export const SESSION_VERSION = 2;

/**
 * One operation that changed the simulation, in the order it happened:
 * manifests applied (each file also written to the node shell's home, as the
 * editor does), a cluster dump imported (one file: it replaces the cluster), a terminal line, a packet or a burst sent, kube-proxy's mode
 * switched, a readiness verdict, virtual time passing.
 */
export type JournalEntry =
  | { op: "apply"; files: ManifestFile[] }
  | { op: "import"; files: [ManifestFile] }
  | { op: "run"; line: string }
  | { op: "send"; request: SendRequest }
  | { op: "burst"; request: SendRequest; count: number }
  | { op: "mode"; mode: ProxyMode; scheduler?: IpvsScheduler }
  | { op: "ready"; namespace: string; pod: string; ready: boolean }
  | { op: "clock"; ms: number };

export type JournalOp = JournalEntry["op"];

/** A lesson being played: its id and the step the cluster was brought to. */
export interface LessonPosition {
  id: string;
  step: number;
}

/**
 * The packet on screen: which journal entry sent it (-1: the lesson step's packet), the hop shown
 * and the trace's phases folded (none: all shown).
 */
export interface TracePosition {
  entry: number;
  hop: number;
  folded?: TracePhase[];
}

export interface SessionRecord {
  v: typeof SESSION_VERSION;
  /** The engine's PRNG seed. */
  seed: number;
  /** The virtual clock's start (ms since the epoch); the engine's default when absent. */
  startTime?: number;
  /**
   * A lesson's cluster at a step: the lesson's own setup and every step up to
   * and including this one are replayed first, then the journal on top.
   */
  lesson?: LessonPosition;
  /** What changed the simulation since it was built (or since the lesson step ran). */
  journal: JournalEntry[];
  /** The editor's text when it differs from what was last applied: a draft, never applied on restore. */
  draft?: string;
  trace?: TracePosition;
}

/** A fresh cluster with nothing done to it. */
export function emptyRecord(seed = 1): SessionRecord {
  return { v: SESSION_VERSION, seed, journal: [] };
}

/** Where kube-proxy's mode ends up after the journal (the last switch), if it was ever switched. */
export function lastMode(
  journal: readonly JournalEntry[],
): Extract<JournalEntry, { op: "mode" }> | undefined {
  for (let i = journal.length - 1; i >= 0; i--) {
    const e = journal[i]!;
    if (e.op === "mode") return e;
  }
  return undefined;
}
