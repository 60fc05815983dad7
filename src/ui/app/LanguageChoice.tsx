import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { LANGUAGES, type Language } from "../store/settingsSlice";

/** Each language named in itself, so a reader finds theirs whatever the page's language. */
const NAMES: Record<Language, string> = { en: "English", ko: "한국어" };

export function LanguageChoice() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <fieldset className="segmented">
      <legend>{t("language.label")}</legend>
      {LANGUAGES.map((l) => (
        <label key={l} lang={l}>
          <input
            type="radio"
            name="language"
            value={l}
            checked={language === l}
            onChange={() => setLanguage(l)}
          />
          <span>{NAMES[l]}</span>
        </label>
      ))}
    </fieldset>
  );
}
