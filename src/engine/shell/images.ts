import type { Pod } from "../api/types";

/**
 * What a container image ships: its shell's prompt and the tools on its
 * PATH. `bash: dig: command not found` inside nginx is part of the lesson.
 */
export interface ImageProfile {
  /** Shells the image has, with the prompt each prints for root. */
  shells: Record<string, (pod: Pod) => string>;
  tools: readonly string[];
  /** How the shell reports an unknown command (bash and ash word it differently). */
  notFound: (shell: string, cmd: string) => string;
  /** The image's shell family for builtins such as `help`, and bash's version line. */
  builtins: { shell: "bash"; version: string } | { shell: "ash" };
}

const COREUTILS = [
  "cat",
  "echo",
  "grep",
  "head",
  "tail",
  "wc",
  "sleep",
  "date",
  "hostname",
  "ls",
  "pwd",
  "true",
  "false",
  "env",
  "whoami",
];
const NET_TOOLS = [
  "curl",
  "dig",
  "nslookup",
  "host",
  "ip",
  "ping",
  "iptables",
  "iptables-save",
  "ipvsadm",
  "ipset",
  "nft",
  "conntrack",
];

/** Debian bookworm's bash (kind's node image, and the Debian-based images). */
export const DEBIAN_BASH = "5.2.15(1)-release (x86_64-pc-linux-gnu)";

const bashNotFound = (shell: string, cmd: string) => `${shell}: ${cmd}: command not found`;
const ashNotFound = (shell: string, cmd: string) => `${shell}: ${cmd}: not found`;
const debianPrompt = (pod: Pod) => `root@${pod.spec?.hostname ?? pod.metadata.name}:/#`;

const PROFILES: Record<string, ImageProfile> = {
  // NOTE: netshoot has had bash 5.1 and 5.2 over time; the seed transcript shows 5.1.
  "nicolaka/netshoot": {
    shells: { bash: () => "bash-5.1#", sh: () => "bash-5.1#", zsh: (p) => `${p.metadata.name}  ~ ` },
    tools: [...COREUTILS, ...NET_TOOLS],
    notFound: bashNotFound,
    builtins: { shell: "bash", version: "5.1.16(1)-release (x86_64-alpine-linux-musl)" },
  },
  nginx: {
    shells: { bash: debianPrompt, sh: () => "#" },
    tools: [...COREUTILS, "curl"],
    notFound: bashNotFound,
    // NOTE: Debian bookworm's bash, as nginx 1.25.1+ ships; older tags ship older bash releases.
    builtins: { shell: "bash", version: DEBIAN_BASH },
  },
  busybox: {
    shells: { sh: () => "/ #", ash: () => "/ #" },
    tools: [...COREUTILS, "nslookup", "wget", "ip", "ping"],
    notFound: ashNotFound,
    builtins: { shell: "ash" },
  },
  "registry.k8s.io/e2e-test-images/agnhost": {
    shells: { sh: () => "/ #", ash: () => "/ #" },
    tools: [...COREUTILS, "nslookup", "ip", "ping", "curl"],
    notFound: ashNotFound,
    builtins: { shell: "ash" },
  },
};

/** A generic Debian-based image, for images Packetwalk has no profile of. */
const GENERIC: ImageProfile = {
  shells: { bash: debianPrompt, sh: () => "#" },
  tools: COREUTILS,
  notFound: bashNotFound,
  builtins: { shell: "bash", version: DEBIAN_BASH },
};

/** `docker.io/library/nginx:1.27` → `nginx`; `busybox:1.36` → `busybox`. */
export function imageRepository(image: string): string {
  let repo = image.split("@")[0]!;
  const lastColon = repo.lastIndexOf(":");
  if (lastColon > repo.lastIndexOf("/")) repo = repo.slice(0, lastColon);
  return repo.replace(/^docker\.io\//, "").replace(/^library\//, "");
}

export function imageProfile(image: string): ImageProfile {
  return PROFILES[imageRepository(image)] ?? GENERIC;
}

/** Tools on a Kubernetes node (a Debian/Ubuntu host with the admin's kit). */
export const NODE_TOOLS: readonly string[] = [...COREUTILS, ...NET_TOOLS, "kubectl", "trace"];
