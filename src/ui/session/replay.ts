/**
 * Rebuilds a session record in an engine: a fresh simulation with the
 * record's seed and clock, the lesson's steps when the record is a lesson's,
 * then the journal in order. The engine is deterministic, so this lands on
 * the same cluster, names, addresses and packets as the first time.
 */

import type { IpvsScheduler, ProxyMode } from "../../engine/api/configTypes";
import type { ApiError } from "../../engine/api/contract";
import type { ImportReport } from "../../engine/api/import/report";
import type { BurstResult } from "../../engine/net/burst";
import type { SendRequest } from "../../engine/net/contract";
import type { Trace } from "../../engine/net/types";
import type { ShellOutput } from "../../engine/shell/shell";
import type { ApplyReport, ManifestFile, SimulationOptions } from "../../engine/simulation";
import type { TopologyView } from "../../engine/view/topology";
import type { JournalEntry, SessionRecord } from "./record";

/** The engine calls a replay makes (the worker's API, or a Simulation in tests). */
export interface ReplayEngine {
  reset(options: SimulationOptions, files?: ManifestFile[]): Promise<ApplyReport>;
  apply(files: ManifestFile[]): Promise<ApplyReport>;
  importCluster(file: ManifestFile): Promise<ImportReport>;
  writeFile(path: string, text: string): Promise<void>;
  run(line: string): Promise<ShellOutput>;
  send(request: SendRequest): Promise<Trace>;
  burst(request: SendRequest, count: number): Promise<{ result: BurstResult; traces: Trace[] }>;
  setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): Promise<void>;
  setPodReady(namespace: string, name: string, ready: boolean): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  view(): Promise<TopologyView>;
}

/** What the lesson's part of a replay left on screen (see lessons' quiet replay). */
export interface LessonBase {
  /** The editor's text after the step (the manifests it applied or showed). */
  editorText: string;
  /** The step's packet, when it sent one. */
  trace: Trace | null;
  burst: BurstResult | null;
  /** The cluster when the step's packet went (a prediction's choices come from it). */
  sentView: TopologyView | null;
}

/** Brings a fresh engine to a lesson step (given by the lessons feature: the lessons load on demand). */
export type LessonReplayer = (
  engine: ReplayEngine,
  lesson: { id: string; step: number },
) => Promise<LessonBase>;

export interface ReplayOutcome {
  /** The text of the last apply (what the editor shows as applied). */
  appliedText: string;
  /** The last apply's refusals, for the editor's markers. */
  errors: ApiError[];
  /** The last import's report, when the cluster on screen was imported. */
  imported: ImportReport | null;
  /** The packet `record.trace` points at. */
  trace: Trace | null;
  lesson: LessonBase | null;
  /** The first entry the API server refused, as `file:line: message` (share links are refused for it). */
  firstRefusal?: string;
}

/** A replay that could not finish: the entry it stopped at and why. */
export class ReplayError extends Error {
  constructor(
    readonly entry: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs one journal entry; returns the packet it sent, if any. */
export async function runEntry(
  engine: ReplayEngine,
  e: JournalEntry,
): Promise<{
  trace: Trace | null;
  report?: ApplyReport;
  imported?: ImportReport;
  output?: ShellOutput;
}> {
  switch (e.op) {
    case "apply": {
      const report = await engine.apply(e.files);
      for (const f of e.files) await engine.writeFile(f.name, f.text);
      return { trace: null, report };
    }
    case "import": {
      const imported = await engine.importCluster(e.files[0]);
      return { trace: null, report: { results: [], errors: imported.errors }, imported };
    }
    case "run": {
      const output = await engine.run(e.line);
      const traced = output.effects.find((x) => x.type === "trace");
      return { trace: traced?.trace ?? null, output };
    }
    case "send":
      return { trace: await engine.send(e.request) };
    case "burst":
      await engine.burst(e.request, e.count);
      return { trace: null };
    case "mode":
      await engine.setProxyMode(e.mode, e.scheduler);
      return { trace: null };
    case "ready":
      await engine.setPodReady(e.namespace, e.pod, e.ready);
      return { trace: null };
    case "clock":
      await engine.advanceClock(e.ms);
      return { trace: null };
  }
}

/** The text an apply leaves in the editor: its files, one after the other. */
export function appliedTextOf(files: readonly ManifestFile[]): string {
  return files.map((f) => f.text).join("\n---\n");
}

/** The text the journal's last apply (or import) left in the editor; undefined when it has none. */
export function lastAppliedText(journal: readonly JournalEntry[]): string | undefined {
  for (let i = journal.length - 1; i >= 0; i--) {
    const e = journal[i]!;
    if (e.op === "apply" || e.op === "import") return appliedTextOf(e.files);
  }
  return undefined;
}

/**
 * Replays `record` into `engine`. Throws a ReplayError naming the entry when
 * the engine fails or throws on the way (the caller decides what that means:
 * a share link is refused, a restart reports it).
 */
export async function replayRecord(
  engine: ReplayEngine,
  record: SessionRecord,
  lessonReplayer: LessonReplayer,
): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = {
    appliedText: "",
    errors: [],
    imported: null,
    trace: null,
    lesson: null,
  };
  try {
    if (record.lesson) {
      outcome.lesson = await lessonReplayer(engine, record.lesson);
      outcome.appliedText = outcome.lesson.editorText;
      if (record.trace?.entry === -1) outcome.trace = outcome.lesson.trace;
    } else {
      await engine.reset({
        seed: record.seed,
        ...(record.startTime !== undefined ? { startTime: record.startTime } : {}),
      });
    }
  } catch (e) {
    throw new ReplayError(-1, message(e));
  }
  for (const [i, e] of record.journal.entries()) {
    let result: Awaited<ReturnType<typeof runEntry>>;
    try {
      result = await runEntry(engine, e);
    } catch (err) {
      throw new ReplayError(i, message(err));
    }
    if (result.report) {
      if (e.op === "apply" || e.op === "import") outcome.appliedText = appliedTextOf(e.files);
      if (e.op === "import") outcome.imported = result.imported ?? null;
      outcome.errors = result.report.errors;
      const internal = result.report.errors.find((x) => x.reason === "InternalError");
      if (internal) throw new ReplayError(i, internal.message);
      const refused = result.report.errors[0];
      if (refused && outcome.firstRefusal === undefined) outcome.firstRefusal = refusalText(refused);
    }
    if (record.trace?.entry === i) outcome.trace = result.trace;
  }
  return outcome;
}

function refusalText(e: ApiError): string {
  return e.source ? `${e.source.file}:${e.source.line}: ${e.message}` : e.message;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
