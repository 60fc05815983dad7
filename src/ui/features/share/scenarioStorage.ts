import {
  IPVS_SCHEDULERS,
  type IpvsScheduler,
  PROXY_MODES,
  type ProxyMode,
} from "../../../engine/api/configTypes";

/** What the engine holds and the app's store does not persist: the seed and kube-proxy's mode. */
export interface EngineSettings {
  seed: number;
  mode: ProxyMode;
  scheduler: IpvsScheduler;
}

const KEY = "packetwalk-engine";
export const DEFAULT_ENGINE_SETTINGS: EngineSettings = { seed: 1, mode: "iptables", scheduler: "rr" };

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The last saved engine settings (validated: storage is editable by anyone with devtools). */
export function loadEngineSettings(): EngineSettings {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(KEY) ?? "null");
    if (typeof raw !== "object" || raw === null) return DEFAULT_ENGINE_SETTINGS;
    const r = raw as Record<string, unknown>;
    const seed = Number.isInteger(r.seed) && (r.seed as number) >= 0 ? (r.seed as number) : 1;
    const mode = PROXY_MODES.find((m) => m === r.mode) ?? "iptables";
    const scheduler = IPVS_SCHEDULERS.find((s) => s === r.scheduler) ?? "rr";
    return { seed, mode, scheduler };
  } catch {
    return DEFAULT_ENGINE_SETTINGS;
  }
}

export function saveEngineSettings(settings: EngineSettings): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // NOTE: storage full or disabled (private mode): the session still works, it just does not survive.
  }
}
