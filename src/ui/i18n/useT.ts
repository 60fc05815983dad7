import { useCallback } from "react";
import { useAppStore } from "../store";
import type { Language } from "../store/settingsSlice";
import { catalog } from "./catalogs";
import { en, type MessageKey } from "./en";
import { formatValue } from "./numberFormat";
import { pluralForm } from "./plural";

/** A message's values: `{name}` in the template; `count` also chooses a plural form. */
export type MessageValues = Record<string, string | number>;

/**
 * Looks a message up and fills its `{name}` values. A message with plural forms takes the form
 * `Intl.PluralRules` gives for `values.count` in the language ("1 endpoint", "2 endpoints").
 */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const message = catalog(language)[key] ?? en[key];
  const template = typeof message === "string" ? message : pluralForm(language, message, values?.count);
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? formatValue(language, values[name]!) : m,
  );
}

/** The current language's `t`. */
export function useT() {
  const language = useAppStore((s) => s.language);
  const catalogs = useAppStore((s) => s.catalogs);
  // A catalogue that arrives after the language was chosen is a new `t`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: catalogs changes what translate returns.
  return useCallback(
    (key: MessageKey, values?: MessageValues) => translate(language, key, values),
    [language, catalogs],
  );
}

export type { MessageKey };
