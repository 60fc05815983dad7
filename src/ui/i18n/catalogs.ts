/**
 * The message catalogues. English is part of the page (and the fallback for a key a catalogue
 * lacks); another language's catalogue loads when it is first chosen, so a visitor downloads only
 * the language they read.
 */
import type { Language } from "../store/settingsSlice";
import { en, type MessageKey } from "./en";
import type { Message } from "./message";

export type Catalog = Record<MessageKey, Message>;

const loaded: Partial<Record<Language, Catalog>> = { en };
const loaders: Record<Exclude<Language, "en">, () => Promise<Catalog>> = {
  ko: () => import("./ko").then((m) => m.ko),
};

/** The language's catalogue if it has loaded, else English. */
export function catalog(language: Language): Catalog {
  return loaded[language] ?? en;
}

export function isLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

/** Loads the language's catalogue (once). */
export async function loadCatalog(language: Language): Promise<void> {
  if (language === "en" || loaded[language]) return;
  loaded[language] = await loaders[language]();
}
