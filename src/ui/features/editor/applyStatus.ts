/**
 * What the editor's status line says about the last apply, truthfully: nothing applied is red,
 * a partial apply is amber, and "Applied" only when the cluster holds what the editor shows.
 */
import type { ApplyOutcome } from "../../store/editorSlice";

export type StatusTone = "ok" | "warn" | "bad" | "none";

export type ApplyStatusKind =
  /** The editor holds text the cluster has not seen. */
  | { kind: "unapplied" }
  /** The API server refused everything (a YAML syntax error, say). */
  | { kind: "nothing"; refused: number }
  /** Some objects were taken, some documents refused. */
  | { kind: "partial"; applied: number; refused: number }
  /** Refusals, where the caller did not count what was taken. */
  | { kind: "refused"; refused: number }
  | { kind: "applied" }
  /** Nothing typed and nothing applied yet. */
  | { kind: "empty" };

export function applyStatus(dirty: boolean, last: ApplyOutcome | null): ApplyStatusKind {
  if (dirty) return { kind: "unapplied" };
  if (!last) return { kind: "empty" };
  if (last.refused === 0) return { kind: "applied" };
  if (last.applied === undefined) return { kind: "refused", refused: last.refused };
  return last.applied === 0
    ? { kind: "nothing", refused: last.refused }
    : { kind: "partial", applied: last.applied, refused: last.refused };
}

export function statusTone(status: ApplyStatusKind): StatusTone {
  switch (status.kind) {
    case "applied":
      return "ok";
    case "nothing":
      return "bad";
    case "empty":
      return "none";
    default:
      return "warn";
  }
}
