/**
 * The UI's verbs: each hands work to the engine and puts what comes back
 * into the store. No networking is computed here.
 */
import type { IpvsScheduler, ProxyMode } from "../../engine/api/configTypes";
import type { BurstResult } from "../../engine/net/burst";
import type { SendRequest } from "../../engine/net/contract";
import type { Trace } from "../../engine/net/types";
import { publishFlights } from "../features/topology/flights";
import { engine } from "../worker/client";
import { EDITOR_FILE } from "./editorSlice";
import { useAppStore } from "./index";

const get = useAppStore.getState;

export async function refreshView(): Promise<void> {
  const [view, prompt] = await Promise.all([
    engine.call((api) => api.view()),
    engine.call((api) => api.prompt()),
  ]);
  get().setView(view);
  get().setPrompt(prompt);
}

/** Applies the editor's text to the cluster. */
export async function applyEditor(): Promise<void> {
  const text = get().text;
  const report = await engine.apply([{ name: EDITOR_FILE, text }]);
  get().clearSent();
  await engine.call((api) => api.writeFile(EDITOR_FILE, text));
  get().markApplied(text, report.errors, report.results.length);
  await refreshView();
}

/** Runs a line in the terminal, as the user typed it. */
export async function runCommand(line: string): Promise<void> {
  const s = get();
  s.appendLines([{ kind: "input", text: line, prompt: s.prompt }]);
  if (line.trim()) s.pushHistory(line);
  s.setBusy(true);
  try {
    const out = await engine.call((api) => api.run(line));
    if (out.effects.some((e) => e.type === "clear")) s.clearTerminal();
    else if (out.output) s.appendLines([{ kind: out.exitCode === 0 ? "output" : "error", text: out.output }]);
    const traced = out.effects.find((e) => e.type === "trace");
    if (traced) {
      s.setTrace(traced.trace);
      s.recordSent({ run: line });
    }
    s.setPrompt(out.prompt);
  } catch (e) {
    s.appendLines([{ kind: "error", text: `${e instanceof Error ? e.message : String(e)}\n` }]);
  } finally {
    s.setBusy(false);
  }
  await refreshView();
}

export async function completeCommand(line: string): Promise<string[]> {
  return engine.call((api) => api.complete(line));
}

export async function sendPacket(request: SendRequest): Promise<Trace> {
  const trace = await engine.call((api) => api.send(request));
  get().recordSent({ send: request });
  get().setBurst(null);
  get().setTrace(trace);
  await refreshView();
  return trace;
}

/** Sends a burst; the diagram animates the returned connections, the form shows the tally. */
export async function sendBurst(request: SendRequest, count: number): Promise<BurstResult> {
  const { result, traces } = await engine.call((api) => api.burst(request, count));
  get().recordSent({ burst: request, count });
  get().setTrace(null);
  get().setBurst(result);
  publishFlights(traces, result);
  await refreshView();
  return result;
}

export async function setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): Promise<void> {
  await engine.setProxyMode(mode, scheduler);
  get().clearSent();
  await refreshView();
}
