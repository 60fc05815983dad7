/** A challenge goal in the student's language, with the values the lesson gave. */
import type { LessonGoal } from "../../../lessons/types";
import type { MessageKey } from "../../i18n/en";

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function sourceText(from: string, t: T): string {
  if (from === "external") return t("source.external");
  return from.replace(/^(pod|node):/, "");
}

export function goalText(goal: LessonGoal, t: T): string {
  if ("endpoints" in goal)
    return t("goal.endpoints", { service: goal.endpoints.service, count: goal.endpoints.count });
  if ("packet" in goal) {
    const { from, to, verdict } = goal.packet;
    return t("goal.packet", {
      from: sourceText(from, t),
      to: to.replace(/^node:([^:]+):(\d+)$/, "$1:$2"),
      verdict: t(`verdict.${verdict}` as MessageKey),
    });
  }
  if ("everyNode" in goal)
    return t("goal.everyNode", {
      port: String(goal.everyNode.port),
      verdict: t(`verdict.${goal.everyNode.verdict}` as MessageKey),
    });
  if ("command" in goal) {
    const { run, output, exitCode = 0 } = goal.command;
    return output === undefined
      ? t("goal.command", { run, exitCode: String(exitCode) })
      : t("goal.commandOutput", { run, exitCode: String(exitCode), output: `/${output}/` });
  }
  return t("goal.mode", { mode: goal.mode });
}
