/**
 * The lookup experiment's rows as a text table: the mode left-aligned,
 * every number right-aligned under its header, columns two spaces apart.
 */
import type { LookupRow } from "./contract";

interface Column {
  header: string;
  cell: (r: LookupRow) => string;
  left?: boolean;
}

const fixed = (n: number, digits: number): string => n.toFixed(digits);
/** Whole numbers as they are; means with one decimal. */
const count = (n: number): string => (Number.isInteger(n) ? String(n) : fixed(n, 1));

export const LOOKUP_COLUMNS: readonly Column[] = [
  { header: "MODE", cell: (r) => r.mode, left: true },
  { header: "SERVICES", cell: (r) => String(r.services) },
  { header: "ENDPOINTS", cell: (r) => String(r.endpointsPerService) },
  { header: "DATAPLANE", cell: (r) => String(r.dataPlaneSize) },
  { header: "MEAN-RULES", cell: (r) => count(r.meanRulesEvaluated) },
  { header: "WORST-RULES", cell: (r) => count(r.worstRulesEvaluated) },
  { header: "LOOKUPS", cell: (r) => count(r.meanLookups) },
  { header: "EST-RULES", cell: (r) => count(r.establishedRulesEvaluated) },
  { header: "EST-LOOKUPS", cell: (r) => count(r.establishedLookups) },
  { header: "SYNC-WRITES", cell: (r) => String(r.syncRulesWritten) },
  { header: "NS/PACKET", cell: (r) => fixed(r.nsPerPacket, 0) },
  { header: "MODEL-MS", cell: (r) => fixed(r.modelledLatencyMs, 4) },
];

/** Aligns cells: the first column padded right, the rest padded left; two spaces between. */
export function alignColumns(rows: readonly (readonly string[])[], leftAligned: readonly boolean[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((c, i) => (leftAligned[i] ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** The rows as the CLI prints them, header first. */
export function formatLookupTable(rows: readonly LookupRow[]): string {
  const cells = [
    LOOKUP_COLUMNS.map((c) => c.header),
    ...rows.map((r) => LOOKUP_COLUMNS.map((c) => c.cell(r))),
  ];
  return alignColumns(
    cells,
    LOOKUP_COLUMNS.map((c) => c.left === true),
  );
}
