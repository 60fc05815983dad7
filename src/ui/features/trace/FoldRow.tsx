import { useState } from "react";
import type { FoldedRules } from "../../../engine/net/foldStore";
import { foldMessage } from "../../../engine/net/hopStory";
import type { FoldStep } from "../../../engine/net/hopWalk";
import { useT } from "../../i18n/useT";
import { engine } from "../../worker/client";
import { useTraceWords } from "./useTraceWords";

/** Rules read per click: a fold of 9,997 rules is read a page at a time. */
const PAGE = 50;

/**
 * A run of rules that did not match, folded: its count and positions, and
 * on request the rules themselves, read from the engine a page at a time.
 */
export function FoldRow({ fold }: { fold: FoldStep }) {
  const t = useT();
  const words = useTraceWords();
  const [rules, setRules] = useState<FoldedRules | null>(null);
  const [open, setOpen] = useState(false);
  const [gone, setGone] = useState(false);
  const ref = fold.ref;

  const read = async (count: number) => {
    if (!ref) return;
    const from = rules ? rules.n - 1 + rules.rules.length : ref.from;
    const page = await engine.call((api) => api.foldedRules({ ...ref, from, count }));
    if (!page) {
      setGone(true);
      return;
    }
    setRules((r) => (r ? { n: r.n, rules: [...r.rules, ...page.rules] } : page));
  };
  const shown = rules?.rules.length ?? 0;
  const rest = fold.count - shown;

  return (
    <li className="walk-fold">
      <button
        type="button"
        className="walk-fold-toggle"
        aria-expanded={open}
        disabled={!ref}
        onClick={() => {
          setOpen(!open);
          if (!open && !rules) void read(Math.min(PAGE, fold.count));
        }}
      >
        <span aria-hidden="true">{open ? "▾" : "▸"}</span> {words(foldMessage(fold))}
      </button>
      {open && gone ? <p className="walk-fold-gone">{t("walk.foldGone")}</p> : null}
      {open && rules ? (
        <ol className="walk-steps walk-folded" start={rules.n}>
          {rules.rules.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a rule's position in its chain is its identity.
            <li key={rules.n + i} className="walk-rule walk-miss">
              <div className="walk-line">
                <span className="walk-n">{rules.n + i}</span>
                <span className="walk-mark" role="img" aria-label={t("walk.noMatch")}>
                  ✗
                </span>
                <code className="walk-text">{text}</code>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {open && rules && rest > 0 ? (
        <button type="button" className="walk-fold-more" onClick={() => void read(Math.min(PAGE, rest))}>
          {t("walk.foldMore", { count: Math.min(PAGE, rest), rest })}
        </button>
      ) : null}
    </li>
  );
}
