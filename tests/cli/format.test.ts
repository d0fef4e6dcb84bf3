// The CLI's text for people: the seat map drawn from the API's rows and columns, passengers as
// typed on the command line, and the server address rules.
import { describe, expect, it } from "vitest";
import { seatMapText, type SeatMap } from "@/cli/format";
import { parsePassenger } from "@/cli/commands/bookings";
import { apiUrlFrom } from "@/cli/context";
import { protoFieldName } from "@/lib/grpc/status";

const seat = (number: number, row: number, col: number, available: boolean, berth: string | null = null) => ({ seatId: `s${number}`, number, berth, row, col, quota: "GENERAL", available });

describe("seatMapText", () => {
  it("draws each coach on its grid: free seats by number (and berth), taken ones as xx, the aisle as a gap", () => {
    const map: SeatMap = {
      serviceId: "svc", from: "GDG", to: "KRK",
      coaches: [
        { coach: "7", class: "SECOND", kind: "SEATED", seats: [seat(1, 1, 1, true), seat(2, 1, 2, false), seat(3, 1, 4, true), seat(4, 2, 1, true), seat(5, 2, 2, true), seat(6, 2, 4, false)] },
        { coach: "S1", class: "SLEEPER", kind: "SLEEPER", seats: [seat(1, 1, 1, true, "LOWER"), seat(2, 1, 2, true, "SIDE_UPPER")] },
      ],
    };
    expect(seatMapText(map).split("\n")).toEqual([
      "Seats GDG -> KRK; numbers are free, xx taken. Choose one with --seat COACH/NUMBER (e.g. 7/1).",
      "",
      "Coach 7 (SECOND, seated): 4 of 6 free",
      "   1 xx     3",
      "   4  5    xx",
      "",
      "Coach S1 (SLEEPER, sleeper): 2 of 2 free",
      "   1L 2SU",
    ]);
  });
});

describe("parsePassenger", () => {
  it('reads "Name,Age[,BERTH]" and refuses anything else as a usage error (exit 2)', () => {
    expect(parsePassenger("Ala Nowak, 34")).toEqual({ name: "Ala Nowak", age: 34 });
    expect(parsePassenger("Olek,8,side_lower")).toEqual({ name: "Olek", age: 8, berthPreference: "SIDE_LOWER" });
    expect(parsePassenger("Ola,20,student")).toEqual({ name: "Ola", age: 20, concession: "STUDENT" });
    expect(parsePassenger("Ola,20,WINDOW,LARGE_FAMILY")).toEqual({ name: "Ola", age: 20, berthPreference: "WINDOW", concession: "LARGE_FAMILY" });
    for (const bad of ["Ala", "Ala,old", "Ala,34,T", ",34", "Ala,34,LOWER,STUDENT,extra", "Ala,34,STUDENT,LOWER", "Ala,34,LOWER,UPPER", "Ala,34,ST-X"]) {
      expect(() => parsePassenger(bad), bad).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });
});

describe("apiUrlFrom", () => {
  it("takes --api, else RAILBOOK_API_URL, else the local default, without a trailing slash", () => {
    expect(apiUrlFrom("https://rail.example/base/", {})).toBe("https://rail.example/base");
    expect(apiUrlFrom(undefined, { RAILBOOK_API_URL: "http://10.0.0.5:3000/" })).toBe("http://10.0.0.5:3000");
    expect(apiUrlFrom(undefined, {})).toBe("http://127.0.0.1:3000");
    expect(() => apiUrlFrom("ftp://x", {})).toThrow(TypeError);
  });
});

describe("protoFieldName", () => {
  it("renames REST field paths to the proto's", () => {
    expect(protoFieldName("passengers.0.seatId")).toBe("passengers.0.seat_id");
    expect(protoFieldName("class")).toBe("travel_class");
    expect(protoFieldName("Idempotency-Key")).toBe("idempotency_key");
    expect(protoFieldName("cardNumber")).toBe("card_number");
  });
});
