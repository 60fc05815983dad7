/** An SVG path drawing the dark modules, one `h1v1h-1z` square each, offset by a quiet zone. */
export function qrPath(modules: readonly (readonly boolean[])[], quiet: number): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
    });
  });
  return parts.join("");
}
