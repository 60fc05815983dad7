import { useT } from "../../i18n/useT";

/**
 * Shown while the engine's worker reads a dump: the import is one call into the worker (the page
 * stays responsive meanwhile), so the bar is indeterminate and says how big the dump is.
 */
export function ImportProgress({ chars }: { chars: number }) {
  const t = useT();
  const label = t("import.importing", { size: (chars / (1024 * 1024)).toFixed(1) });
  return (
    <div className="import-progress" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
