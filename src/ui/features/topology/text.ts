/**
 * Text that fits a box, estimated without measuring (measuring every label forces layouts):
 * monospace at 0.62 em a character, proportional text at 0.6 em, Hangul and other wide scripts at 1 em.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Estimated width of `text` in `px`-sized type. */
export function textWidth(text: string, px: number, mono = false): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : mono ? 0.62 : 0.6;
  return em * px;
}

/** `text`, cut with an ellipsis at its end to fit `width`. */
export function clipEnd(text: string, width: number, px: number, mono = false): string {
  if (textWidth(text, px, mono) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, px, mono) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * `text`, cut in the middle to fit `width`, keeping its end: generated names differ at their end
 * (`hostnames-dbddf679-n4rjd` → `hostnames-…-n4rjd`).
 */
export function clipMiddle(text: string, width: number, px: number, mono = false): string {
  if (textWidth(text, px, mono) <= width) return text;
  const chars = [...text];
  // The last dash-separated part (a pod's random suffix), else the last 30%.
  const dash = text.lastIndexOf("-");
  const suffix = dash > 0 ? chars.length - dash : 0;
  const tail =
    suffix > 1 && suffix <= chars.length * 0.4
      ? suffix
      : Math.min(chars.length - 1, Math.max(5, Math.floor(chars.length * 0.3)));
  const end = chars.slice(-tail).join("");
  const room = width - textWidth(`…${end}`, px, mono);
  if (room <= 0) return clipEnd(text, width, px, mono);
  return `${clipEnd(chars.slice(0, -tail).join(""), room + textWidth("…", px, mono), px, mono).slice(0, -1)}…${end}`;
}
