/**
 * Transcript files: a terminal session with its exact expected output,
 * replayed against a fresh Simulation. A line that starts with the current
 * prompt and a space is a command; everything up to the next command is its
 * expected output (stderr and stdout as the terminal shows them).
 *
 *   #! seed: 1
 *   #! start: 2021-02-07T09:00:00Z
 *   #! apply: ../seed/cluster.yaml     (applied before the session, like `packetwalk -f`)
 *   #! file: ../seed/clusterip.yaml [DEST]  (put in the node shell's home, or at DEST under it)
 *   #! mask: id: \d+                   (a regex whose matches are masked on both sides)
 *   root@instance-1:~# kubectl get svc
 *   NAME ...
 */
export interface Transcript {
  seed: number;
  start?: number;
  apply: string[];
  files: { src: string; dest: string }[];
  masks: RegExp[];
  /** The session's text after the header. */
  body: string;
}

export function parseTranscript(text: string): Transcript {
  const t: Transcript = { seed: 1, apply: [], files: [], masks: [], body: "" };
  const lines = text.split("\n");
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith("#!"); i++) {
    const m = /^#!\s*(\w+):\s*(.*)$/.exec(lines[i]!);
    if (!m) throw new Error(`bad transcript header line ${i + 1}: ${lines[i]}`);
    const [, key, value] = m as unknown as [string, string, string];
    if (key === "seed") t.seed = Number(value);
    else if (key === "start") t.start = Date.parse(value);
    else if (key === "apply") t.apply.push(value.trim());
    else if (key === "file") {
      const [src, dest] = value.trim().split(/\s+/) as [string, string | undefined];
      t.files.push({ src, dest: dest ?? src.replace(/^.*\//, "") });
    } else if (key === "mask") t.masks.push(new RegExp(value.trim(), "g"));
    else throw new Error(`unknown transcript header ${key} on line ${i + 1}`);
  }
  t.body = lines.slice(i).join("\n");
  return t;
}

export interface Session {
  prompt(): string;
  run(line: string): { output: string };
}

/**
 * Replays the body against a session and returns the transcript as the
 * session actually printed it; equal to the body when everything matches.
 */
export function replay(body: string, session: Session): string {
  const lines = body.split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const prompt = `${session.prompt()} `;
    const line = lines[i]!;
    if (!line.startsWith(prompt)) {
      // Output that the session did not print (or a prompt that differs): keep it so the diff shows it.
      out.push(`!! expected a command at prompt "${prompt}" but found: ${line}`);
      i++;
      continue;
    }
    const command = line.slice(prompt.length);
    out.push(line);
    i++;
    while (i < lines.length && !looksLikeCommand(lines[i]!)) i++;
    const printed = session.run(command).output;
    if (printed) out.push(printed.replace(/\n$/, ""));
  }
  return out.join("\n");
}

function looksLikeCommand(line: string): boolean {
  return /^(root@[\w.-]+:[^#\s]*# |bash-\d\.\d# |\/ # )/.test(line);
}

export function mask(text: string, masks: RegExp[]): string {
  return masks.reduce((acc, re) => acc.replace(re, "<masked>"), text);
}
