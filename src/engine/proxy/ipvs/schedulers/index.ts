/** All IPVS schedulers by name. */
import type { IpvsScheduler } from "../../../api/configTypes";
import { dh } from "./dh";
import { lblc } from "./lblc";
import { lblcr } from "./lblcr";
import { lc } from "./lc";
import { mh } from "./mh";
import { nq } from "./nq";
import { rr } from "./rr";
import { sed } from "./sed";
import { sh } from "./sh";
import type { Scheduler } from "./types";
import { wlc } from "./wlc";
import { wrr } from "./wrr";

/** The scheduler modules, keyed by the names ipvsadm and kube-proxy use. */
export const SCHEDULERS: Readonly<Record<IpvsScheduler, Scheduler<unknown>>> = {
  rr,
  wrr,
  lc,
  wlc,
  lblc,
  lblcr,
  dh,
  sh,
  sed,
  nq,
  mh,
};

export type { SchedDest, SchedFlag, SchedPacket, Scheduler } from "./types";
