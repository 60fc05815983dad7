/**
 * The UI's verbs: each hands work to the engine and puts what comes back
 * into the store. No networking is computed here. Everything that changes
 * the simulation is journaled in the session record (session/record.ts),
 * unless `journal: false` (a lesson step: the lesson's position replays it).
 * What comes back after its workspace was left (a lesson's step still running
 * when the user went back to their own work) is dropped: it is not theirs.
 */

import { transfer } from "comlink";
import type { IpvsScheduler, ProxyMode } from "../../engine/api/configTypes";
import type { ApiError } from "../../engine/api/contract";
import type { ImportProgress } from "../../engine/api/import/progress";
import type { ImportReport } from "../../engine/api/import/report";
import type { BurstResult } from "../../engine/net/burst";
import type { SendRequest } from "../../engine/net/contract";
import type { Trace } from "../../engine/net/types";
import type { ManifestFile } from "../../engine/simulation";
import type { TopologyView } from "../../engine/view/topology";
import { nextTask } from "../../worker/nextTask";
import { encodePieces } from "../../worker/textPieces";
import { publishFlights } from "../features/topology/flights";
import { IMPORT_TIMEOUT_MS } from "../session/engines";
import { workspaceWatch } from "../session/epoch";
import type { JournalEntry } from "../session/record";
import { appliedTextOf } from "../session/replay";
import { engine } from "../worker/client";
import { EDITOR_FILE } from "./editorSlice";
import { flushPendingText } from "./editorText";
import { useAppStore } from "./index";
import { MAX_SCROLLBACK_CHARS } from "./scrollback";

const get = useAppStore.getState;

export interface OpOptions {
  /** Record the operation in the session's journal (default true). */
  journal?: boolean;
  /** A burst leaves the packet on screen (a lesson step sends both); by default it replaces it. */
  keepTrace?: boolean;
}

function record(entry: JournalEntry, opts: OpOptions | undefined): number | undefined {
  return opts?.journal === false ? undefined : get().journalOp(entry);
}

export async function refreshView(): Promise<void> {
  const [view, prompt] = await Promise.all([
    engine.call((api) => api.view()),
    engine.call((api) => api.prompt()),
  ]);
  // Taking in a big view's message (its structured clone) is a task of its own: what the new view
  // renders comes in the next one, so on a 5,000-pod cluster the two never add up to a long task.
  await nextTask();
  // A read-only command leaves the cluster as it was: the diagram is not redrawn for nothing
  // (on a 5,000-pod cluster a redraw is a long task of its own).
  if (!sameCluster(get().view, view)) get().setView(view);
  get().setPrompt(prompt);
}

/**
 * The same objects (the store's revision) under the same kube-proxy mode. A rebuilt simulation
 * counts its revisions afresh, so what was built is compared too (counts, first and last names).
 */
function sameCluster(a: TopologyView | null, b: TopologyView): boolean {
  return a !== null && fingerprint(a) === fingerprint(b);
}

function fingerprint(v: TopologyView): string {
  const ends = <T>(list: T[], name: (t: T) => string) =>
    list.length ? `${name(list[0]!)}…${name(list[list.length - 1]!)}` : "";
  return [
    v.revision,
    v.proxyMode,
    v.ipvsScheduler,
    v.kubernetesVersion,
    v.nodes.length,
    v.pods.length,
    v.services.length,
    v.serviceCount ?? 0,
    ends(v.nodes, (n) => n.name),
    ends(v.pods, (p) => `${p.name}/${p.ip ?? ""}/${p.ready}`),
    ends(v.services, (s) => `${s.name}/${s.clusterIP}`),
  ].join("|");
}

/** Applies files (each also written to the node shell's home, as `kubectl apply -f` would read it). */
export async function applyFiles(files: ManifestFile[], opts?: OpOptions): Promise<ApiError[]> {
  const live = workspaceWatch();
  const report = await engine.call((api) => api.apply(files));
  if (!live()) return report.errors;
  // Journaled as soon as the engine answers: entries keep the order the engine ran them in.
  record({ op: "apply", files }, opts);
  for (const f of files) await engine.call((api) => api.writeFile(f.name, f.text));
  if (!live()) return report.errors;
  get().markApplied(appliedTextOf(files), report.errors, report.results.length);
  return report.errors;
}

/**
 * Replaces the cluster with one imported from the editor's dump, in the engine's worker. A dump
 * that cannot be read leaves the cluster as it was, with its refusals as markers; otherwise the
 * import is journaled (a reload replays it) and its report shown.
 */
export async function importEditor(opts?: OpOptions): Promise<ImportReport> {
  const live = workspaceWatch();
  flushPendingText();
  const file: ManifestFile = { name: EDITOR_FILE, text: get().text };
  get().setImporting(file.text.length);
  // The worker reports as it goes; the bar shows the latest at the next frame.
  let latest: ImportProgress | null = null;
  let frame = 0;
  const onProgress = engine.progress((p: ImportProgress) => {
    latest = p;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (latest && live() && get().importing !== null) get().setImportProgress(latest);
    });
  });
  try {
    // Handed over as transferred pieces: posting the string would copy all of it in one task.
    const pieces = await encodePieces(file.text);
    const report = await engine.call(
      (api) =>
        api.importClusterPieces(
          file.name,
          transfer(
            pieces,
            pieces.map((p) => p.buffer),
          ),
          onProgress,
        ),
      IMPORT_TIMEOUT_MS,
    );
    // Taking in the reply (its structured clone) is a task of its own: the report, the bar's end
    // and the editor's new state render in the next one, so the two never add up to a long task.
    await nextTask();
    if (!live()) return report;
    if (report.imported) {
      record({ op: "import", files: [file] }, opts);
      get().setImportReport(report);
      get().markApplied(
        file.text,
        report.errors,
        report.counts.reduce((n, c) => n + c.count, 0),
      );
    } else {
      // Nothing changed: the markers say why, what was applied before stays applied.
      get().setMarkers(report.errors);
    }
    return report;
  } finally {
    cancelAnimationFrame(frame);
    if (live()) get().setImporting(null);
    await refreshView();
  }
}

/** Applies the editor's text to the cluster. */
export async function applyEditor(opts?: OpOptions): Promise<void> {
  flushPendingText();
  await applyFiles([{ name: EDITOR_FILE, text: get().text }], opts);
  await refreshView();
}

/** Runs a line in the terminal, as the user typed it; resolves to its exit code. */
export async function runCommand(line: string, opts?: OpOptions): Promise<number> {
  const s = get();
  const live = workspaceWatch();
  s.appendLines([{ kind: "input", text: line, prompt: s.prompt }]);
  if (line.trim()) s.pushHistory(line);
  s.setBusy(true);
  let exitCode = 1;
  try {
    const out = await engine.call((api) => api.runForTerminal(line, MAX_SCROLLBACK_CHARS));
    exitCode = out.exitCode;
    if (!live()) return exitCode;
    // Every line is kept, not only those that changed objects: a `sleep` moves the virtual clock,
    // a `dig` or `curl` draws from the PRNG and opens a connection, `kubectl exec -it` enters a pod;
    // the replay must land on the same state.
    const entry = line.trim() ? record({ op: "run", line }, opts) : undefined;
    if (out.effects.some((e) => e.type === "clear")) s.clearTerminal();
    else if (out.output)
      s.appendLines([
        ...(out.cut ? [{ kind: "cut" as const, text: "", cut: out.cut }] : []),
        { kind: out.exitCode === 0 ? "output" : "error", text: out.output },
      ]);
    const traced = out.effects.find((e) => e.type === "trace");
    if (traced) showTrace(traced.trace, entry);
    s.setPrompt(out.prompt);
  } catch (e) {
    if (!live()) return exitCode;
    s.appendLines([{ kind: "error", text: `${e instanceof Error ? e.message : String(e)}\n` }]);
  } finally {
    s.setBusy(false);
  }
  await refreshView();
  return exitCode;
}

export async function completeCommand(line: string): Promise<string[]> {
  return engine.call((api) => api.complete(line));
}

/** Puts a packet on screen; `entry` is the journal entry that sent it (-1: a lesson step's). */
export function showTrace(trace: Trace | null, entry: number | undefined): void {
  get().setTrace(trace);
  get().setTraceEntry(trace ? entry : undefined);
}

export async function sendPacket(request: SendRequest, opts?: OpOptions): Promise<Trace> {
  const live = workspaceWatch();
  const trace = await engine.call((api) => api.send(request));
  if (!live()) return trace;
  const entry = record({ op: "send", request }, opts);
  get().setBurst(null);
  showTrace(trace, entry ?? -1);
  await refreshView();
  return trace;
}

/** Sends a burst; the diagram animates the returned connections, the form shows the tally. */
export async function sendBurst(request: SendRequest, count: number, opts?: OpOptions): Promise<BurstResult> {
  const live = workspaceWatch();
  const { result, traces } = await engine.call((api) => api.burst(request, count));
  if (!live()) return result;
  record({ op: "burst", request, count }, opts);
  if (!opts?.keepTrace) showTrace(null, undefined);
  get().setBurst(result);
  publishFlights(traces, result);
  await refreshView();
  return result;
}

export async function setProxyMode(
  mode: ProxyMode,
  scheduler?: IpvsScheduler,
  opts?: OpOptions,
): Promise<void> {
  const live = workspaceWatch();
  await engine.call((api) => api.setProxyMode(mode, scheduler));
  if (!live()) return;
  record(scheduler ? { op: "mode", mode, scheduler } : { op: "mode", mode }, opts);
  await refreshView();
}

/** A readiness probe's verdict for a pod. */
export async function setPodReady(
  namespace: string,
  pod: string,
  ready: boolean,
  opts?: OpOptions,
): Promise<void> {
  const live = workspaceWatch();
  await engine.call((api) => api.setPodReady(namespace, pod, ready));
  if (!live()) return;
  record({ op: "ready", namespace, pod, ready }, opts);
  await refreshView();
}
