import type { Theme } from "../../../store/settingsSlice";

const THEMES: Record<Theme, string> = { light: "vs", dark: "vs-dark", contrast: "hc-black" };

/** Monaco's built-in theme for the app's theme. */
export function monacoTheme(theme: Theme): string {
  return THEMES[theme];
}
