// The manifest as CSV (RFC 4180): every field quoted when it holds a comma, quote, CR or LF, quotes
// doubled. A field a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
// apostrophe (OWASP "CSV injection"): passenger names are typed by passengers.
import type { ManifestRow, ServiceManifest } from "./service-manifest";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | null)[]): string {
  return fields.map(csvField).join(",");
}

function seatOf(row: ManifestRow): string | null {
  if (row.number === null) return null;
  return row.berth ? `${row.number} ${row.berth.toLowerCase()}` : String(row.number);
}

const HEADER = ["Coach", "Seat", "Name", "From", "To", "Class", "PNR", "Status", "Checked at"];

export function manifestCsv(manifest: ServiceManifest): string {
  // A cancelled passenger's booking may have been checked for the others on it: not their check.
  const line = (row: ManifestRow, status: string) =>
    csvLine([row.coach, seatOf(row), row.name, row.fromName, row.toName, row.classCode, row.pnr, status, status === "cancelled" ? null : (row.checkedAt?.toISOString() ?? null)]);
  const lines = [
    csvLine(HEADER),
    ...manifest.travelling.map((r) => line(r, r.checkedAt ? "checked" : "not checked")),
    ...manifest.cancelled.map((r) => line(r, "cancelled")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
