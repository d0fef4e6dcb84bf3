import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createBookingSchema } from "@/lib/schemas/booking";
import { searchQuerySchema } from "@/lib/schemas/search";
import { fieldErrorsFrom } from "@/lib/validation";

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return fieldErrorsFrom(result.error);
};

describe("field errors from zod", () => {
  it("says what is missing or of the wrong type in words, not zod's internals", () => {
    // GET /api/v1/search without from, with passengers=abc.
    const search = errorsOf(searchQuerySchema, { to: "WCE", date: "2026-12-24", passengers: "abc" });
    expect(search.from).toEqual(["This field is required."]);
    expect(search.passengers).toEqual(["Send this as a number."]);

    // POST /api/v1/bookings with a list where an object belongs, and joinWaitlist as a string.
    const booking = errorsOf(createBookingSchema, { serviceId: "s", from: "WCE", to: "KRK", class: "SECOND", passengers: { name: "A" }, joinWaitlist: "yes" });
    expect(booking.passengers).toEqual(["Send this as a list."]);
    expect(booking.joinWaitlist).toEqual(["Send this as true or false."]);
    expect(errorsOf(createBookingSchema, [])._form).toEqual(["Send this as an object with named fields."]);

    for (const messages of [...Object.values(search), ...Object.values(booking)]) {
      for (const message of messages) expect(message).not.toMatch(/Invalid input|received/);
    }
  });

  it("keeps the sentences the schemas chose", () => {
    const booking = errorsOf(createBookingSchema, { serviceId: "s", from: "WCE", to: "KRK", class: "SECOND", passengers: [{ name: "", age: -1 }] });
    expect(booking["passengers.0.name"]).toEqual(["Enter the passenger's name."]);
    expect(booking["passengers.0.age"]).toEqual(["Age cannot be negative."]);
  });
});
