// CSV as RFC 4180 writes it, made safe to open in a spreadsheet. Text cells are quoted when they hold
// a quote, comma or line break (quotes doubled), and a text cell starting with = + - @ (or a tab or
// carriage return, which some spreadsheets skip before reading a formula) gets a leading single
// quote so it is shown, not evaluated: a passenger's name cannot become a formula (OWASP "CSV
// injection"). Numbers are written as they are; they are the app's own figures (decision 032).
/** `{ decimal }`: an amount the app formatted itself (decimalAmount), written unguarded like a number. */
export type CsvCell = string | number | null | { decimal: string };

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return value.decimal;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 has it. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const fractionDigits = new Map<string, number>();

/** Minor units as a plain decimal in the currency's own digits ("1234.50"), for spreadsheets to add up. */
export function decimalAmount(amountMinor: number, currency: string): { decimal: string } {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  const sign = amountMinor < 0 ? "-" : "";
  const abs = Math.abs(amountMinor);
  if (digits === 0) return { decimal: `${sign}${abs}` };
  const scale = 10 ** digits;
  return { decimal: `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}` };
}
