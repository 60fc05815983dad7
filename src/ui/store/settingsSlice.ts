import type { StateCreator } from "zustand";
import { isLoaded, loadCatalog } from "../i18n/catalogs";
import type { AppState } from "./index";

export const LANGUAGES = ["en", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ["light", "dark", "contrast"] as const;
export type Theme = (typeof THEMES)[number];

export interface SettingsSlice {
  language: Language;
  theme: Theme;
  /** How many catalogues have loaded since the page did: a change re-renders the text. */
  catalogs: number;
  /** Switches at once; until the language's catalogue has loaded, its text shows in English. */
  setLanguage: (language: Language) => void;
  setTheme: (theme: Theme) => void;
}

/** The browser's language chooses until the user does. */
export function initialLanguage(): Language {
  const langs = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  return langs.some((l) => l.toLowerCase().startsWith("ko")) ? "ko" : "en";
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  language: initialLanguage(),
  theme: "light",
  catalogs: 0,
  setLanguage: (language) => {
    set({ language });
    if (!isLoaded(language))
      void loadCatalog(language).then(() => set((s) => ({ catalogs: s.catalogs + 1 })));
  },
  setTheme: (theme) => set({ theme }),
});
