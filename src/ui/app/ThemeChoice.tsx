import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { THEMES } from "../store/settingsSlice";

/** Light, dark or high contrast (for a projector in a bright room), as one segmented choice. */
export function ThemeChoice() {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <fieldset className="segmented">
      <legend>{t("theme.label")}</legend>
      {THEMES.map((th) => (
        <label key={th}>
          <input type="radio" name="theme" value={th} checked={theme === th} onChange={() => setTheme(th)} />
          <span>{t(`theme.${th}` as MessageKey)}</span>
        </label>
      ))}
    </fieldset>
  );
}
