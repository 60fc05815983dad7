/**
 * Work belongs to the workspace it started in. Putting another workspace on
 * screen (a lesson chosen, Back to my work, a shared link) moves the store's
 * `workspaceEpoch` on; an operation still in flight then writes nothing more
 * to the store and sends nothing more to the engine, whose cluster is now the
 * other workspace's.
 */
import { useAppStore } from "../store";
import type { ReplayEngine } from "./replay";

/** Thrown into work whose workspace was left while it ran. */
export class WorkspaceLeft extends Error {
  constructor() {
    super("the workspace this work belonged to was left");
    this.name = "WorkspaceLeft";
  }
}

/** Whether the workspace on screen is still the one on screen now: read it when work starts. */
export function workspaceWatch(): () => boolean {
  const epoch = useAppStore.getState().workspaceEpoch;
  return () => useAppStore.getState().workspaceEpoch === epoch;
}

/** `target`, refusing (with WorkspaceLeft) every call made once `live` says the workspace was left. */
export function guardedEngine(target: ReplayEngine, live: () => boolean): ReplayEngine {
  const guarded: Partial<Record<keyof ReplayEngine, unknown>> = {};
  for (const key of Object.keys(target) as (keyof ReplayEngine)[]) {
    const call = target[key] as (...args: unknown[]) => Promise<unknown>;
    guarded[key] = (...args: unknown[]) => (live() ? call(...args) : Promise.reject(new WorkspaceLeft()));
  }
  return guarded as ReplayEngine;
}
