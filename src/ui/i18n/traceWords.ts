/**
 * The engine's trace messages in the reader's language: English from the
 * engine's own templates, Korean from TRACE_KO. Numbers are grouped as the
 * language writes them; a plural template takes the form Intl.PluralRules
 * gives for `count`.
 */
import type { Words } from "../../engine/net/hopStory";
import { english, type MessageTemplate, TRACE_MESSAGES, type TraceMessage } from "../../engine/net/messages";
import type { TraceHop } from "../../engine/net/types";
import type { Language } from "../store/settingsSlice";
import { STAGES_KO, TRACE_KO } from "./traceKo";

const plurals = new Map<Language, Intl.PluralRules>();
const numbers = new Map<Language, Intl.NumberFormat>();

function cached<T>(map: Map<Language, T>, language: Language, make: () => T): T {
  let v = map.get(language);
  if (!v) {
    v = make();
    map.set(language, v);
  }
  return v;
}

function pick(language: Language, t: MessageTemplate, count: unknown): string {
  if (typeof t === "string") return t;
  if (typeof count !== "number") return t.other;
  const form = cached(plurals, language, () => new Intl.PluralRules(language)).select(count);
  return (form === "one" ? t.one : undefined) ?? t.other;
}

/** One message in `language`. */
export function traceMessage(language: Language, m: TraceMessage): string {
  if (language === "en") return english(m);
  const values = m.values ?? {};
  const template = pick(language, TRACE_KO[m.key] ?? TRACE_MESSAGES[m.key], values.count);
  const format = cached(numbers, language, () => new Intl.NumberFormat(language));
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = values[name];
    if (v === undefined) return all;
    return typeof v === "number" ? format.format(v) : v;
  });
}

/** The {@link Words} of `language`, for the engine's story renderer and the inspector. */
export function traceWords(language: Language): Words {
  return (m) => traceMessage(language, m);
}

/** A hop's stage as the reader says it: a plain stage translated, a hook's notation as it is. */
export function stageText(language: Language, hop: Pick<TraceHop, "kind" | "stage">): string {
  if (hop.kind === "hook" || language === "en") return hop.stage;
  return STAGES_KO[hop.kind] ?? hop.stage;
}

/** A hop's note in `language` (a note in netfilter's notation, like `DROP`, stays). */
export function noteText(language: Language, hop: Pick<TraceHop, "note" | "says">): string | undefined {
  return hop.says ? traceMessage(language, hop.says) : hop.note;
}
