import { useT } from "../../i18n/useT";

/** Commands a first-time user can start from: what the seed lesson runs. */
export const STARTER_COMMANDS = [
  "kubectl get svc -o wide",
  "kubectl get endpointslices",
  "dig kubernetes.default.svc.cluster.local",
  "iptables-save -t nat | grep KUBE-SVC",
] as const;

/** The empty terminal: what to type, as buttons that put a command on the line (Enter runs it). */
export function TerminalHint({ onPick }: { onPick: (command: string) => void }) {
  const t = useT();
  return (
    <div className="terminal-hint">
      <p>{t("terminal.emptyTitle")}</p>
      <ul>
        {STARTER_COMMANDS.map((c) => (
          <li key={c}>
            <button
              type="button"
              className="terminal-chip"
              aria-label={t("terminal.try", { command: c })}
              onClick={(e) => {
                e.stopPropagation();
                onPick(c);
              }}
            >
              <code>{c}</code>
            </button>
          </li>
        ))}
      </ul>
      <p className="terminal-hint-keys">{t("terminal.emptyKeys")}</p>
    </div>
  );
}
