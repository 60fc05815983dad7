import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { THEMES, type Theme } from "../../store/settingsSlice";

/** Light, dark or high contrast (for a projector in a bright room). */
export function ThemeSelect() {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <label className="theme-select">
      {t("theme.label")}
      <select aria-label={t("theme.label")} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`theme.${th}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}
