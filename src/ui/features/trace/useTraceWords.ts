import { useMemo } from "react";
import type { Words } from "../../../engine/net/hopStory";
import { traceWords } from "../../i18n/traceWords";
import { useAppStore } from "../../store";

/** The engine's trace messages in the current language. */
export function useTraceWords(): Words {
  const language = useAppStore((s) => s.language);
  return useMemo(() => traceWords(language), [language]);
}
