import { kindInfo } from "../../api/kinds";
import type { Kind } from "../../api/types";
import { KUBECTL_VIEWS, type ServedKind } from "./kindViews";

/** One resource type as kubectl's discovery knows it. */
export interface ResourceType {
  kind: ServedKind;
  /** `services`, `deployments`. */
  plural: string;
  /** `service`, `deployment`. */
  singular: string;
  /** API group, `""` for the core group. */
  group: string;
  apiVersion: string;
  namespaced: boolean;
  shortNames: string[];
}

/** What kubectl's discovery knows: the served kinds, named from the kind registry. */
function resourceTypes(): ResourceType[] {
  return (Object.keys(KUBECTL_VIEWS) as ServedKind[]).map((kind) => {
    const info = kindInfo(kind);
    return {
      kind,
      plural: info.plural,
      singular: KUBECTL_VIEWS[kind].singular,
      group: info.group,
      apiVersion: info.apiVersions[0]!,
      namespaced: info.namespaced,
      shortNames: [...info.shortNames],
    };
  });
}

/** Every word kubectl accepts for a resource type, and the kind it names (plural, singular, short names). */
export function resourceWords(): [string, ServedKind][] {
  return resourceTypes().flatMap((t) =>
    [t.plural, t.singular, ...t.shortNames].map((w) => [w, t.kind] as [string, ServedKind]),
  );
}

/** The types `kubectl get all` lists, in its order (the `all` category). */
export const ALL_CATEGORY: readonly Kind[] = ["Pod", "Service", "Deployment", "ReplicaSet"];

/**
 * Resolves what the user typed (`svc`, `Services`, `deployments.apps`,
 * `deploy`) to a resource type, as kubectl's RESTMapper does.
 */
export function resolveResource(text: string): ResourceType | undefined {
  const lower = text.toLowerCase();
  for (const t of resourceTypes()) {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (names.includes(lower)) return t;
    if (t.group && (lower === `${t.plural}.${t.group}` || lower === `${t.singular}.${t.group}`)) return t;
  }
  return undefined;
}

/** Every resource type kubectl's discovery lists here, in discovery order. */
export function allResourceTypes(): readonly ResourceType[] {
  return resourceTypes();
}

export function resourceForKind(kind: Kind): ResourceType | undefined {
  return resourceTypes().find((t) => t.kind === kind);
}

/** `services`, `deployments.apps`: how API errors name a resource. */
export function groupResource(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `service`, `deployment.apps`: how `-o name` and action messages name a kind. */
export function kindPrefix(t: ResourceType): string {
  const kind = t.kind.toLowerCase();
  return t.group ? `${kind}.${t.group}` : kind;
}

export function unknownResourceType(text: string): string {
  return `error: the server doesn't have a resource type "${text}"\n`;
}
