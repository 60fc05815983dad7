/**
 * The engine's trace messages in the reader's language: English from the
 * engine's own templates, Korean from TRACE_KO. Numbers are grouped as the
 * language writes them; a plural template takes the form Intl.PluralRules
 * gives for `count`.
 */
import type { Words } from "../../engine/net/hopStory";
import { english, TRACE_MESSAGES, type TraceMessage } from "../../engine/net/messages";
import type { TraceHop } from "../../engine/net/types";
import type { Language } from "../store/settingsSlice";
import { formatValue } from "./numberFormat";
import { pluralForm } from "./plural";
import { STAGES_KO, TRACE_KO } from "./traceKo";

/** One message in `language`. */
export function traceMessage(language: Language, m: TraceMessage): string {
  if (language === "en") return english(m);
  const values = m.values ?? {};
  const t = TRACE_KO[m.key] ?? TRACE_MESSAGES[m.key];
  const template = typeof t === "string" ? t : pluralForm(language, t, values.count);
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? formatValue(language, values[name]!) : all,
  );
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

/** Why the packet's Service port has no endpoint (the engine's answer), in `language`. */
export function noEndpointsText(language: Language, at: Pick<TraceHop, "noEndpoints">): string | undefined {
  return at.noEndpoints ? traceMessage(language, at.noEndpoints) : undefined;
}

/** A hop's note in `language` (a note in netfilter's notation, like `DROP`, stays). */
export function noteText(language: Language, hop: Pick<TraceHop, "note" | "says">): string | undefined {
  return hop.says ? traceMessage(language, hop.says) : hop.note;
}
