/** What importing a cluster dump reports: what came in, what was read, assumed or left out. */
import type { ApiError } from "../contract";
import type { SourceRef } from "../types";
import { type ImportMessage, importEnglish } from "./messages";

/** One thing the import tells the user. */
export interface ImportNote extends ImportMessage {
  /**
   * `derived`: a setting read from the dump; `assumed`: a stated default for what a dump cannot
   * say; `ignored`: objects left out, with why; `inconsistent`: the dump disagrees with itself.
   */
  type: "derived" | "assumed" | "ignored" | "inconsistent";
  source?: SourceRef;
}

/** The outcome of `Simulation.importCluster`. */
export interface ImportReport {
  /** False when nothing was imported (the dump could not be read): the simulation is unchanged. */
  imported: boolean;
  /** Objects imported, per kind, in the API's kind order. */
  counts: { kind: string; count: number }[];
  notes: ImportNote[];
  /** Objects refused (with file and line); the rest were imported. */
  errors: ApiError[];
}

/** A note as the CLI prints it, in English: `assumed: kube-proxy in iptables mode ...`. */
export function formatNote(note: ImportNote): string {
  const where = note.source ? `${note.source.file}:${note.source.line}: ` : "";
  return `${where}${note.type}: ${importEnglish(note)}`;
}
