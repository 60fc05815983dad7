import type { Pod } from "../../../api/types";
import type { PrefixWriter } from "./writer";

type Volume = NonNullable<NonNullable<Pod["spec"]>["volumes"]>[number];

/** `describeVolumes`, for the volume sources pods in Packetwalk use; `space` indents a template's. */
export function writeVolumes(w: PrefixWriter, volumes: readonly Volume[], space: string): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? " " : ""}${v.name}:\n`);
    if (v.projected) {
      w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (const s of v.projected.sources ?? []) {
        if (s.secret) {
          w.write(2, `SecretName:\t${s.secret.name ?? ""}\n`);
          w.write(2, `SecretOptionalName:\t${s.secret.optional ?? "<nil>"}\n`);
        } else if (s.downwardAPI) {
          w.write(2, "DownwardAPI:\ttrue\n");
        } else if (s.configMap) {
          w.write(2, `ConfigMapName:\t${s.configMap.name ?? ""}\n`);
          w.write(2, `ConfigMapOptional:\t${s.configMap.optional ?? "<nil>"}\n`);
        } else if (s.serviceAccountToken) {
          w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
        }
      }
    } else if (v.emptyDir) {
      w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(2, `Medium:\t${v.emptyDir.medium ?? ""}\n`);
      w.write(2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? "<unset>"}\n`);
    } else if (v.configMap) {
      w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n");
      w.write(2, `Name:\t${v.configMap.name ?? ""}\n`);
      w.write(2, `Optional:\t${v.configMap.optional ?? false}\n`);
    } else if (v.secret) {
      w.write(2, "Type:\tSecret (a volume populated by a Secret)\n");
      w.write(2, `SecretName:\t${v.secret.secretName ?? ""}\n`);
      w.write(2, `Optional:\t${v.secret.optional ?? false}\n`);
    } else if (v.hostPath) {
      w.write(2, "Type:\tHostPath (bare host directory volume)\n");
      w.write(2, `Path:\t${v.hostPath.path}\n`);
      w.write(2, `HostPathType:\t${v.hostPath.type ?? ""}\n`);
    } else {
      // NOTE: kubectl describes every volume source; others print only their name here.
      w.write(2, "Type:\t<unknown>\n");
    }
  }
}
