import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { LANGUAGES, type Language } from "../store/settingsSlice";

const NAMES: Record<Language, string> = { en: "English", ko: "한국어" };

export function LanguageSelect() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <label>
      {t("language.label")}
      <select
        aria-label={t("language.label")}
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
