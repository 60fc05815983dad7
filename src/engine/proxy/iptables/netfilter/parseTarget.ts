/** Targets and their options, parsed as the libxt_/libipt_ target extensions do. */
import { type Cursor, RuleParseError, take } from "./errors";
import { parseMarkMask } from "./parseMatch";
import type { Target } from "./types";

/** The target a `-j NAME` / `-g NAME` names: a standard verdict, an extension, or a chain. */
export function targetFor(name: string, goto: boolean): Target {
  if (goto) return { name: "jump", chain: name, goto: true };
  switch (name) {
    case "ACCEPT":
    case "DROP":
    case "RETURN":
      return { name };
    case "DNAT":
    case "SNAT":
      return { name, ip: "" };
    case "MASQUERADE":
      return { name, randomFully: false, random: false };
    case "MARK":
      return { name, value: 0, mask: 0 };
    case "REJECT":
      return { name, rejectWith: "icmp-port-unreachable" };
    default:
      return { name: "jump", chain: name, goto: false };
  }
}

function hostPort(text: string): { ip: string; port?: number } {
  const colon = text.lastIndexOf(":");
  if (colon < 0) return { ip: text };
  const port = Number(text.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RuleParseError(`Port "${text}" not valid`);
  return { ip: text.slice(0, colon), port };
}

/** Applies one option to the rule's target; false if the target has no such option. */
export function parseTargetOption(t: Target, opt: string, cur: Cursor): boolean {
  switch (t.name) {
    case "DNAT":
      if (opt !== "--to-destination") return false;
      Object.assign(t, hostPort(take(cur, opt)));
      return true;
    case "SNAT":
      if (opt !== "--to-source") return false;
      Object.assign(t, hostPort(take(cur, opt)));
      return true;
    case "MASQUERADE":
      if (opt === "--random-fully") t.randomFully = true;
      else if (opt === "--random") t.random = true;
      else if (opt === "--to-ports") t.toPorts = take(cur, opt);
      else return false;
      return true;
    case "MARK":
      return parseMarkOption(t, opt, cur);
    case "REJECT":
      if (opt !== "--reject-with") return false;
      t.rejectWith = take(cur, opt);
      return true;
    default:
      return false;
  }
}

function parseMarkOption(t: Extract<Target, { name: "MARK" }>, opt: string, cur: Cursor): boolean {
  const v = () => parseMarkMask(take(cur, opt));
  switch (opt) {
    case "--set-xmark": {
      const { value: mark, mask } = v();
      t.value = mark;
      t.mask = mask;
      return true;
    }
    case "--set-mark": {
      const { value: mark, mask } = v();
      t.value = mark;
      t.mask = (mark | mask) >>> 0;
      return true;
    }
    case "--or-mark": {
      const { value: mark } = v();
      t.value = mark;
      t.mask = mark;
      return true;
    }
    case "--xor-mark": {
      const { value: mark } = v();
      t.value = mark;
      t.mask = 0;
      return true;
    }
    case "--and-mark": {
      const { value: mark } = v();
      t.value = 0;
      t.mask = ~mark >>> 0;
      return true;
    }
    default:
      return false;
  }
}
