/** Splitting an image reference into repository and tag. */

export interface ImageRef {
  /** Without registry defaults: `nginx`, `nicolaka/netshoot`, `registry.k8s.io/e2e-test-images/agnhost`. */
  repository: string;
  /** `latest` when omitted; digests are kept as the tag. */
  tag: string;
}

/** Parses `nginx:1.27`, `docker.io/library/nginx`, `registry.k8s.io/coredns/coredns:v1.11.3`. */
export function parseImage(image: string): ImageRef {
  let ref = image.trim();
  let tag = "latest";
  const at = ref.indexOf("@");
  if (at >= 0) {
    tag = ref.slice(at + 1);
    ref = ref.slice(0, at);
  }
  const slash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  if (colon > slash) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
  }
  ref = ref
    .replace(/^docker\.io\//, "")
    .replace(/^index\.docker\.io\//, "")
    .replace(/^library\//, "");
  return { repository: ref, tag };
}

/** The last path element of the repository: `agnhost`, `netshoot`, `nginx`. */
export function imageBaseName(ref: ImageRef): string {
  return ref.repository.slice(ref.repository.lastIndexOf("/") + 1);
}
