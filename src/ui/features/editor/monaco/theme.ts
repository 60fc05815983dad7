import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api";
import type { Theme } from "../../../store/settingsSlice";

type ThemeData = Monaco.editor.IStandaloneThemeData;

/**
 * Monaco's themes on the app's palettes (styles.css): the editor sits on the panel colour, and
 * line numbers and comments take the app's muted text colour, which keeps 4.5:1 in every theme.
 */
const THEMES: Record<Theme, ThemeData> = {
  light: {
    base: "vs",
    inherit: true,
    rules: [{ token: "comment", foreground: "57606a" }],
    colors: {
      "editor.background": "#ffffff",
      "editor.foreground": "#1b1f24",
      "editorLineNumber.foreground": "#57606a",
      "editorLineNumber.activeForeground": "#1b1f24",
    },
  },
  dark: {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "9da7b3" }],
    colors: {
      "editor.background": "#161b22",
      "editor.foreground": "#e6edf3",
      "editorLineNumber.foreground": "#9da7b3",
      "editorLineNumber.activeForeground": "#e6edf3",
    },
  },
  contrast: {
    base: "hc-black",
    inherit: true,
    rules: [{ token: "comment", foreground: "ffffff" }],
    colors: {
      "editor.background": "#000000",
      "editor.foreground": "#ffffff",
      "editorLineNumber.foreground": "#ffffff",
      "editorLineNumber.activeForeground": "#ffff00",
    },
  },
};

/** Defines the app's Monaco themes; call once with the loaded Monaco. */
export function defineMonacoThemes(monaco: typeof Monaco): void {
  for (const [name, data] of Object.entries(THEMES))
    monaco.editor.defineTheme(monacoTheme(name as Theme), data);
}

/** The Monaco theme for the app's theme. */
export function monacoTheme(theme: Theme): string {
  return `packetwalk-${theme}`;
}
