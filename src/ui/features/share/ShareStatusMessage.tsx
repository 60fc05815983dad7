import { useAppStore } from "../../store";
import { useShareT } from "./messages";
import { clearStash, restoreScenario, stashedWork } from "./restore";
import { useShareStatus } from "./shareStatus";
import { validateScenario } from "./validate";

/** What opening a share link did: opened it, or why it could not. Text only, never HTML. */
export function ShareStatusMessage() {
  const t = useShareT();
  const status = useShareStatus((s) => s.status);
  const setStatus = useShareStatus((s) => s.setStatus);
  const language = useAppStore((s) => s.language);
  if (status.kind === "idle") return null;

  async function undo() {
    const stash = validateScenario(stashedWork());
    if (stash.ok) await restoreScenario({ ...stash.value, language });
    clearStash();
    setStatus({ kind: "idle" });
  }

  if (status.kind === "invalid") {
    return (
      <p className="share-status share-invalid" role="alert">
        {t("share.invalid", { reason: status.reason })}
        <button type="button" onClick={() => setStatus({ kind: "idle" })}>
          ×
        </button>
      </p>
    );
  }
  return (
    <p className="share-status" role="status">
      {t(status.replaced ? "share.replaced" : "share.restored")}
      {status.replaced ? (
        <button type="button" onClick={() => void undo()}>
          {t("share.undo")}
        </button>
      ) : null}
      <button type="button" onClick={() => setStatus({ kind: "idle" })}>
        ×
      </button>
    </p>
  );
}
