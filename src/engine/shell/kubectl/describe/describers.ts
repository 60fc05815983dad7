/**
 * Each served kind's `kubectl describe` text. Typed over every served kind (as KUBECTL_VIEWS is),
 * so a kind added to `KindMap` does not compile until it has a describer here.
 */
import { kindInfo } from "../../../api/kinds";
import type { KindMap } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import type { ServedKind } from "../kindViews";
import { describeConfigMap } from "./configMap";
import { describeDeployment } from "./deployment";
import { describeEndpointSlice } from "./endpointSlice";
import { describeEndpoints } from "./endpoints";
import { describeGeneric } from "./generic";
import { describeNamespace } from "./namespace";
import { describeNode } from "./node";
import { describePod } from "./pod";
import { describeReplicaSet } from "./replicaset";
import { describeService } from "./service";

type Describer<K extends ServedKind> = (cluster: Cluster, obj: KindMap[K]) => string;

export const DESCRIBERS: { readonly [K in ServedKind]: Describer<K> } = {
  Pod: (c, p) => describePod(p, c.clock.now()),
  Service: describeService,
  Endpoints: (_c, e) => describeEndpoints(e),
  EndpointSlice: (_c, s) => describeEndpointSlice(s),
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Node: describeNode,
  Namespace: (_c, n) => describeNamespace(n),
  ConfigMap: (_c, c) => describeConfigMap(c),
  Lease: (_c, l) => describeGeneric(asServed("Lease", l)),
};

/** kubectl's generic describer reads the object as the API returns it: apiVersion and kind filled in. */
function asServed<K extends ServedKind>(kind: K, obj: KindMap[K]) {
  return { ...obj, apiVersion: kindInfo(kind).apiVersions[0], kind } as Parameters<typeof describeGeneric>[0];
}

/** A served kind's describer, typed for that kind. */
export function describerOf<K extends ServedKind>(kind: K): Describer<K> {
  return DESCRIBERS[kind];
}
