import { EXAMPLES, exampleName } from "../../../examples";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

/** Loads an example manifest into the editor (it is applied only when the user presses Apply). */
export function ExamplePicker() {
  const t = useT();
  const setText = useAppStore((s) => s.setText);
  return (
    <select
      className="select example-picker"
      aria-label={t("editor.examples")}
      value=""
      onChange={async (e) => {
        const load = EXAMPLES[e.target.value];
        if (load) setText(await load());
      }}
    >
      <option value="" disabled>
        {t("editor.examples")}
      </option>
      {Object.keys(EXAMPLES)
        .sort()
        .map((path) => (
          <option key={path} value={path}>
            {exampleName(path)}
          </option>
        ))}
    </select>
  );
}
