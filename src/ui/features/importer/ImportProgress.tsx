import { importFraction } from "../../../engine/api/import/progress";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

const MB = 1024 * 1024;

/**
 * Shown while the engine's worker imports a dump: a bar of how far it is (the dump's characters
 * read, then its objects stored, then the first sync), as the worker reports it, and what it is
 * doing in words. Until the first report the bar is indeterminate (the dump's size is its label).
 */
export function ImportProgress({ chars }: { chars: number }) {
  const t = useT();
  const progress = useAppStore((s) => s.importProgress);
  const label = t("import.importing", { size: (chars / MB).toFixed(1) });
  const language = useAppStore((s) => s.language);
  const count = new Intl.NumberFormat(language).format;
  let step = "";
  if (progress?.stage === "read")
    step = t("import.reading", {
      done: (progress.done / MB).toFixed(1),
      size: (progress.total / MB).toFixed(1),
    });
  else if (progress?.stage === "store")
    step = t("import.storing", { done: count(progress.done), total: count(progress.total) });
  else if (progress?.stage === "settle") step = t("import.settling");
  return (
    <div className="import-progress" role="status">
      {progress ? (
        <progress aria-label={label} max={1} value={importFraction(progress)} />
      ) : (
        <progress aria-label={label} />
      )}
      {/* One line (it takes the dump hint's place): the step once the worker reports, the whole in its title. */}
      <span title={step ? `${label} ${step}` : label}>{step || label}</span>
    </div>
  );
}
