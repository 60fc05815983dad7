/**
 * The diagram's sizes in world units (CSS pixels at zoom 1). Every text is 13 units or more, so at
 * the zoom the view fits to a laptop's panel (never below 1 when the cluster fits) no label is
 * smaller than 13 px; shapes are sized around their text.
 */

/** Font sizes. */
export const FONT = { nodeName: 15, serviceName: 14, text: 13, badge: 13 } as const;

/** Line heights of the text sizes above. */
export const LINE = { small: 14, normal: 17 } as const;

/** Margin around the diagram, and between nodes. */
export const PAD = 16;
export const GAP = 16;

export const NODE = {
  /** Narrower nodes would clip a data-plane strip's label. */
  minW: 240,
  /** Name and address, in the node's header band. */
  header: 46,
  /** The data plane's caption ("KUBE-SERVICES · 37 rules"), above its strip. */
  caption: 19,
  /** The strip a packet's stages are drawn along. */
  stripH: 16,
  inner: 10,
} as const;

export const POD = {
  /** Room for a generated pod name's distinguishing end, e.g. `hostnames-…-n4rjd`. */
  minW: 168,
  h: 42,
  gap: 8,
  /** A node's pods stay labelled boxes while they take at most this many rows. */
  maxLabelledRows: 4,
  glyph: 14,
  glyphGap: 4,
  groupLabelGap: 6,
  groupGap: 10,
} as const;

export const SVC = {
  w: 216,
  /** The narrowest a labelled Service box gets (a phone): its address line still fits. */
  minW: 150,
  compactW: 160,
  compactH: 48,
  /** A labelled Service box: its lines, then its endpoint count. */
  boxH: (lines: number) => 8 + (lines + 1) * LINE.normal + 6,
  outsideW: 150,
  outsideH: 60,
  outsideNarrowH: 44,
  framePad: 8,
  /** Room for the namespace's name at the top of its frame. */
  frameHead: 26,
  gap: 10,
  moreW: 200,
} as const;
