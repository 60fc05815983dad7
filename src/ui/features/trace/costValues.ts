import type { TraceHop } from "../../../engine/net/types";
import type { useT } from "../../i18n/useT";

/** "26 rules" and "11 lookups", each in the language's plural form, for a message that joins them. */
export function costValues(t: ReturnType<typeof useT>, cost: TraceHop["cost"]) {
  return {
    rules: t("trace.rules", { count: cost.rulesEvaluated }),
    lookups: t("trace.lookups", { count: cost.lookups }),
  };
}
