/**
 * Where the settings (language, theme) persist. Version 1 kept them inside
 * the `packetwalk` key with the work; they are read from there once. Storage
 * that is full or disabled loses only the settings' save, never the page.
 */
import type { StateStorage } from "zustand/middleware";

const LEGACY_KEY = "packetwalk";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export function settingsStorage(): StateStorage {
  return {
    getItem(name) {
      const s = storage();
      const own = s?.getItem(name);
      if (own) return own;
      try {
        const legacy = JSON.parse(s?.getItem(LEGACY_KEY) ?? "null") as {
          state?: Record<string, unknown>;
        } | null;
        const state = legacy?.state;
        if (!state) return null;
        const kept = Object.fromEntries(
          (["language", "theme"] as const).flatMap((k) =>
            typeof state[k] === "string" ? [[k, state[k]]] : [],
          ),
        );
        return JSON.stringify({ state: kept, version: 2 });
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      try {
        storage()?.setItem(name, value);
      } catch {
        // NOTE: storage full or disabled: the settings last until the tab closes (the work's save reports it).
      }
    },
    removeItem(name) {
      try {
        storage()?.removeItem(name);
      } catch {
        // Nothing was saved either.
      }
    },
  };
}
