// Instants on the operator's clock (OPERATOR_TIME_ZONE, lib/config), to the second: history tables
// need exact times. Server components only: the zone is a server setting.
import "server-only";
import { operatorTimeZone } from "@/lib/config";

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formats.set(timeZone, format);
  }
  return format;
}

export function operatorTime(iso: string | Date): string {
  return formatIn(operatorTimeZone()).format(typeof iso === "string" ? new Date(iso) : iso);
}
