// The CSV exports (decision 032) on a database of their own, so every row and total is this file's:
// two paid bookings, one cancelled with a refund under the rules, one unpaid hold. The files'
// rows and the revenue totals agree with what was charged and refunded; cells are escaped and
// guarded against formulas; the range is validated.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as revenueRoute } from "@/app/api/v1/admin/exports/revenue/route";
import { GET as bookingsRoute } from "@/app/api/v1/admin/exports/bookings/route";
import { csvCell, csvRow, decimalAmount } from "@/lib/admin/exports/csv";
import { exportCsv, resolveExportRange } from "@/lib/admin/exports/exports";
import { exportRangeSchema } from "@/lib/schemas/admin-exports";
import { todayInZone } from "@/lib/time/zoned";
import { apiUser } from "../booking/helpers";
import { book, cancelAsPassenger, opsNet, OPS_CLASS, OPS_CURRENCY } from "./fixtures";
import { withOwnDatabase } from "./own-database";

withOwnDatabase();

/** Splits a file made of simple cells (no quoted commas) into rows, without the byte order mark. */
async function rowsOf(kind: "bookings" | "refunds" | "revenue"): Promise<string[][]> {
  let text = "";
  for await (const chunk of exportCsv(kind, resolveExportRange({}))) text += chunk;
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text.slice(1).split("\r\n").filter(Boolean).map((line) => line.split(","));
}

describe("CSV cells", () => {
  it("quote commas, quotes and line breaks, and neutralise formulas", () => {
    expect(csvCell("Kraków Główny")).toBe("Kraków Główny");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    for (const start of ["+1", "-1+2", "@SUM(A1)", "\tcmd"]) expect(csvCell(start)).toBe(`'${start}`);
    expect(csvCell(-12)).toBe("-12");
    expect(csvCell(decimalAmount(-1250, "PLN"))).toBe("-12.50");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1, decimalAmount(5, "CHF")])).toBe("a,1,0.05\r\n");
  });

  it("take a range of both dates or neither, forwards, of at most 366 days", () => {
    expect(exportRangeSchema.safeParse({}).success).toBe(true);
    expect(exportRangeSchema.safeParse({ from: "2026-01-01", to: "2027-01-01" }).success).toBe(true);
    expect(exportRangeSchema.safeParse({ from: "2026-01-01", to: "2027-01-02" }).error?.issues[0]?.message).toBe("Choose at most 366 days.");
    expect(exportRangeSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(exportRangeSchema.safeParse({ from: "2026-02-01" }).success).toBe(false);
    expect(resolveExportRange({}, new Date("2026-12-04T23:30:00Z"))).toMatchObject({ from: "2026-11-06", to: "2026-12-05", days: 30 });
  });
});

describe("the exports", () => {
  let pnrs: { kept: string; cancelled: string; unpaid: string };
  beforeAll(async () => {
    // CHF refund rules of this database: 80% less 1.00 from 48 hours out.
    await db().refundRule.create({ data: { minHoursBefore: 48, refundBasisPoints: 8000, feeMinor: 100, currency: OPS_CURRENCY, validFrom: new Date("2020-01-01") } });
    const net = await opsNet();
    const passenger = await apiUser();
    const kept = await book(passenger, net, { passengers: 2 }); // 2 × 3500
    const cancelled = await book(passenger, net); // 3500, then 2700 back
    await cancelAsPassenger(passenger, cancelled);
    const unpaid = await book(passenger, net, { pay: false });
    pnrs = { kept, cancelled, unpaid };
  }, 120_000);

  it("list every booking with what was charged for it", async () => {
    const [header, ...rows] = await rowsOf("bookings");
    expect(header).toEqual(["pnr", "created_at", "service_date", "train", "from", "to", "class", "passengers", "status", "amount", "currency"]);
    const by = new Map(rows.map((r) => [r[0], r]));
    expect(rows).toHaveLength(3);
    expect(by.get(pnrs.kept)!.slice(6)).toEqual([OPS_CLASS, "2", "CONFIRMED", "70.00", OPS_CURRENCY]);
    expect(by.get(pnrs.cancelled)!.slice(6)).toEqual([OPS_CLASS, "1", "CANCELLED", "35.00", OPS_CURRENCY]);
    expect(by.get(pnrs.unpaid)!.slice(6)).toEqual([OPS_CLASS, "1", "HELD", "0.00", OPS_CURRENCY]);
    expect(by.get(pnrs.kept)![1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it("list the refund with its reason and rule", async () => {
    const [header, ...rows] = await rowsOf("refunds");
    expect(header).toEqual(["pnr", "refunded_at", "amount", "currency", "reason", "rule"]);
    expect(rows).toEqual([[pnrs.cancelled, expect.any(String), "27.00", OPS_CURRENCY, "PASSENGER_CANCELLED", "48 h or more before departure: 80% less 1.00 CHF"]]);
  });

  it("add up revenue per day as charged less refunded, agreeing with the payments and refunds", async () => {
    const [header, ...rows] = await rowsOf("revenue");
    expect(header).toEqual(["day", "currency", "bookings", "gross", "refunds", "net"]);
    const today = todayInZone("Europe/Warsaw");
    expect(rows.filter((r) => r[1] === "PLN")).toHaveLength(30); // every day, in the operator's currency
    const chf = rows.filter((r) => r[1] === OPS_CURRENCY);
    expect(chf).toEqual([[today, OPS_CURRENCY, "2", "105.00", "27.00", "78.00"]]);
    const paid = await db().payment.aggregate({ where: { status: "SUCCEEDED", currency: OPS_CURRENCY }, _sum: { amountMinor: true } });
    const refunded = await db().refund.aggregate({ where: { currency: OPS_CURRENCY }, _sum: { amountMinor: true } });
    expect([paid._sum.amountMinor, refunded._sum.amountMinor]).toEqual([10_500, 2700]);
  });

  it("answer text/csv for download to admins only, and refuse a range too long", async () => {
    const admin = await apiUser("ADMIN");
    const res = await revenueRoute(new Request("http://localhost/api/v1/admin/exports/revenue", { headers: admin.auth }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="railbook-revenue-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv"$/);
    expect(await res.text()).toContain(`,${OPS_CURRENCY},2,105.00,27.00,78.00\r\n`);

    const desk = await apiUser("DESK");
    const refused = await bookingsRoute(new Request("http://localhost/api/v1/admin/exports/bookings", { headers: desk.auth }), { params: Promise.resolve({}) });
    expect(refused.status).toBe(403);
    const invalid = await bookingsRoute(new Request("http://localhost/api/v1/admin/exports/bookings?from=2025-01-01&to=2026-06-01", { headers: admin.auth }), { params: Promise.resolve({}) });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details.fieldErrors.from).toEqual(["Choose at most 366 days."]);
  });
});
