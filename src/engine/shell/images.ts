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

const bashNotFound = (shell: string, cmd: string) => `${shell}: ${cmd}: command not found`;
const ashNotFound = (shell: string, cmd: string) => `${shell}: ${cmd}: not found`;
const debianPrompt = (pod: Pod) => `root@${pod.spec?.hostname ?? pod.metadata.name}:/#`;

const PROFILES: Record<string, ImageProfile> = {
  // NOTE: netshoot has had bash 5.1 and 5.2 over time; the seed transcript shows 5.1.
  "nicolaka/netshoot": {
    shells: { bash: () => "bash-5.1#", sh: () => "bash-5.1#", zsh: (p) => `${p.metadata.name}  ~ ` },
    tools: [...COREUTILS, ...NET_TOOLS],
    notFound: bashNotFound,
  },
  nginx: {
    shells: { bash: debianPrompt, sh: () => "#" },
    tools: [...COREUTILS, "curl"],
    notFound: bashNotFound,
  },
  busybox: {
    shells: { sh: () => "/ #", ash: () => "/ #" },
    tools: [...COREUTILS, "nslookup", "wget", "ip", "ping"],
    notFound: ashNotFound,
  },
  "registry.k8s.io/e2e-test-images/agnhost": {
    shells: { sh: () => "/ #", ash: () => "/ #" },
    tools: [...COREUTILS, "nslookup", "ip", "ping", "curl"],
    notFound: ashNotFound,
  },
};

/** A generic Debian-based image, for images Packetwalk has no profile of. */
const GENERIC: ImageProfile = {
  shells: { bash: debianPrompt, sh: () => "#" },
  tools: COREUTILS,
  notFound: bashNotFound,
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
