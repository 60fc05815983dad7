/** The diagram's strings: the shared catalogue's `topology.*` keys, for code outside React. */
import { type MessageKey, translate } from "../../i18n/useT";
import type { Language } from "../../store/settingsSlice";

export type TopologyTextKey = Extract<MessageKey, `topology.${string}`>;
export type TopologyText = (key: TopologyTextKey, values?: Record<string, string | number>) => string;

/** The diagram's own strings in `language`, with `{name}` values filled. */
export function topologyText(language: Language): TopologyText {
  return (key, values) => translate(language, key, values);
}
