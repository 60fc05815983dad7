/** The diagram's strings: the shared catalogue's `topology.*` keys, for code outside React. */
import { type MessageKey, translate } from "../../i18n/useT";
import type { Language } from "../../store/settingsSlice";

export type TopologyTextKey = Extract<MessageKey, `topology.${string}`>;
/** The diagram's strings, and the language they are in (a callout also speaks the engine's words). */
export type TopologyText = ((key: TopologyTextKey, values?: Record<string, string | number>) => string) & {
  readonly language: Language;
};

/** The diagram's own strings in `language`, with `{name}` values filled. */
export function topologyText(language: Language): TopologyText {
  return Object.assign(
    (key: TopologyTextKey, values?: Record<string, string | number>) => translate(language, key, values),
    {
      language,
    },
  );
}
