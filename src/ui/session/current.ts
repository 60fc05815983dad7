import { TRACE_PHASES } from "../../lessons/types";
import type { AppState } from "../store";
import { SESSION_VERSION, type SessionRecord } from "./record";

/**
 * The record of the workspace on screen, read from the store's slices (each
 * field is held once: the journal in the session slice, the lesson position
 * in the lesson slice, the draft in the editor, the packet in playback).
 */
export function currentRecord(s: AppState): SessionRecord {
  const record: SessionRecord = { v: SESSION_VERSION, seed: s.seed, journal: s.journal };
  if (s.startTime !== undefined) record.startTime = s.startTime;
  if (s.lessonId) record.lesson = { id: s.lessonId, step: s.lessonStep };
  if (s.unapplied) record.draft = s.text;
  if (s.trace && s.traceEntry !== undefined && s.traceEntry < s.journal.length) {
    const folded = TRACE_PHASES.filter((p) => !s.phases[p]);
    record.trace = { entry: s.traceEntry, hop: Math.max(0, s.hop), ...(folded.length ? { folded } : {}) };
  }
  return record;
}
