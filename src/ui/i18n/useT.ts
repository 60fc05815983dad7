import { useCallback } from "react";
import { useAppStore } from "../store";
import type { Language } from "../store/settingsSlice";
import { en, type MessageKey } from "./en";
import { ko } from "./ko";

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, ko };

/** Looks a message up and fills its `{name}` values. */
export function translate(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  const template = CATALOGS[language][key] ?? en[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? formatValue(language, values[name]!) : m,
  );
}

function formatValue(language: Language, v: string | number): string {
  return typeof v === "number" ? new Intl.NumberFormat(language).format(v) : v;
}

/** The current language's `t`. */
export function useT() {
  const language = useAppStore((s) => s.language);
  return useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    [language],
  );
}

export type { MessageKey };
