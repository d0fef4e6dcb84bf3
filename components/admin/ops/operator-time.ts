// Instants on the operator's clock (Europe/Warsaw), to the second: history tables need exact times.
const format = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Warsaw", day: "2-digit", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function operatorTime(iso: string | Date): string {
  return format.format(typeof iso === "string" ? new Date(iso) : iso);
}
