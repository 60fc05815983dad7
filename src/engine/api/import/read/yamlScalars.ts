/**
 * Plain YAML scalars resolved exactly as the manifest parser resolves them (the `yaml` package
 * under kubectl's YAML 1.1 rules, `KUBECTL_YAML`): the first default tag of that schema whose test
 * matches decides — null, bool, int (binary, octal, decimal, hex), float, .inf/.nan — and anything
 * else is a string. The tags are the package's own, so the two readers cannot drift apart.
 */
import { isScalar, Schema } from "yaml";
import { KUBECTL_YAML } from "../../manifest";

interface PlainTag {
  test: RegExp;
  resolve: (text: string, onError: (message: string) => void, options: object) => unknown;
}

/** The schema's tags that plain scalars are tested against, in the schema's order. */
function plainTags(): PlainTag[] {
  const schema = new Schema({ schema: "yaml-1.1", customTags: KUBECTL_YAML.customTags });
  const out: PlainTag[] = [];
  for (const t of schema.tags) {
    if (typeof t === "string" || "collection" in t) continue;
    if (t.default === true && t.test) out.push({ test: t.test, resolve: t.resolve as PlainTag["resolve"] });
  }
  return out;
}

/** Could this plain text be anything but a string? (Every non-string tag starts with one of these.) */
const MAYBE_TYPED = /^(?:$|[-+.0-9~nNyYtTfFoO])/;

const RESOLVE_OPTIONS = { intAsBigInt: false };

/**
 * Thrown where the fast reader meets YAML it does not read itself (anchors, tags, flow
 * collections, a resolution the schema reports as an error, anything malformed): the caller
 * reads that part with the `yaml` package instead, which also words any error.
 */
export class Unsupported {
  constructor(readonly why: string) {}
}

/** Resolves plain scalars, remembering short texts (a dump repeats `TCP`, `True`, `Running`...). */
export class PlainScalars {
  private readonly tags = plainTags();
  private readonly cache = new Map<string, unknown>();

  /** The value of a plain scalar's text (already folded and trimmed). */
  resolve(text: string): unknown {
    if (!MAYBE_TYPED.test(text)) return text;
    const cached = this.cache.get(text);
    if (cached !== undefined || this.cache.has(text)) return cached;
    const value = this.resolveUncached(text);
    if (text.length <= 32 && this.cache.size < 4096) this.cache.set(text, value);
    return value;
  }

  /** True when a plain key resolves to a string (other keys go to the full parser). */
  isStringKey(text: string): boolean {
    return typeof this.resolve(text) === "string" && text !== "<<";
  }

  private resolveUncached(text: string): unknown {
    for (const tag of this.tags) {
      if (!tag.test.test(text)) continue;
      let failed = false;
      const res = tag.resolve(
        text,
        () => {
          failed = true;
        },
        RESOLVE_OPTIONS,
      );
      if (failed) throw new Unsupported(`the schema refuses ${text}`);
      return isScalar(res) ? res.value : res;
    }
    return text;
  }
}
