/** The share and export strings: the shared catalogue's `share.*` and `export.*` keys. */
import { type MessageKey, useT } from "../../i18n/useT";

export type ShareMessageKey = Extract<MessageKey, `share.${string}` | `export.${string}`>;

/** `t` for the share and export strings: the app's own. */
export const useShareT = useT;
