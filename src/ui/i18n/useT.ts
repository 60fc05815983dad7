import { useCallback } from "react";
import { useAppStore } from "../store";
import type { Language } from "../store/settingsSlice";
import { en, type MessageKey } from "./en";
import { ko } from "./ko";
import type { Message } from "./message";
import { formatValue } from "./numberFormat";
import { pluralForm } from "./plural";

const CATALOGS: Record<Language, Record<MessageKey, Message>> = { en, ko };

/** A message's values: `{name}` in the template; `count` also chooses a plural form. */
export type MessageValues = Record<string, string | number>;

/**
 * Looks a message up and fills its `{name}` values. A message with plural forms takes the form
 * `Intl.PluralRules` gives for `values.count` in the language ("1 endpoint", "2 endpoints").
 */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const message = CATALOGS[language][key] ?? en[key];
  const template = typeof message === "string" ? message : pluralForm(language, message, values?.count);
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? formatValue(language, values[name]!) : m,
  );
}

/** The current language's `t`. */
export function useT() {
  const language = useAppStore((s) => s.language);
  return useCallback(
    (key: MessageKey, values?: MessageValues) => translate(language, key, values),
    [language],
  );
}

export type { MessageKey };
