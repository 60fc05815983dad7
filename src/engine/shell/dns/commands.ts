/** The DNS tools, by the names a shell runs them under. */
import type { Command } from "../types";
import { dig } from "./dig";
import { hostname } from "./files";
import { host } from "./host";
import { nslookup } from "./nslookup";

export const DNS_COMMANDS: Readonly<Record<string, Command>> = { dig, nslookup, host, hostname };

export { podFiles, resolvConfFile } from "./files";
export { dig, host, hostname, nslookup };
