// The booking form's own check before it sends anything: the same sentences and dotted keys as the
// API's field errors, every problem reported at once.
import { describe, expect, it } from "vitest";
import { checkBooking, type BookingRequest } from "@/components/booking/booking-input";
import { emptyPassenger } from "@/components/booking/passenger-fields";
import { createBookingSchema } from "@/lib/schemas/booking";
import { fieldErrorsFrom } from "@/lib/validation";

const request = (overrides: Partial<BookingRequest> = {}): BookingRequest => ({
  serviceId: "svc",
  from: "WCE",
  to: "KRK",
  classCode: "SECOND",
  quota: "GENERAL",
  auto: true,
  passengers: [{ ...emptyPassenger(), name: "Ola Nowak", age: "30" }],
  seatIds: [],
  ...overrides,
});

const errorsFor = (r: BookingRequest) => {
  const checked = checkBooking(r);
  if (checked.ok) throw new Error("expected the form to refuse the booking");
  return checked.fieldErrors;
};

describe("the booking form's check", () => {
  it("says an age is negative or too high, as the API does, rather than that it is missing", () => {
    const ages = ["-3", " -3 ", "200", "1.5", "abc"].map((age) =>
      errorsFor(request({ passengers: [{ ...emptyPassenger(), name: "Ola", age }] }))["passengers.0.age"],
    );
    expect(ages).toEqual([
      ["Age cannot be negative."],
      ["Age cannot be negative."],
      ["Age cannot be more than 125."],
      ["Age is a whole number."],
      ["Enter the passenger's age."],
    ]);

    const api = createBookingSchema.safeParse({ serviceId: "svc", from: "WCE", to: "KRK", class: "SECOND", passengers: [{ name: "Ola", age: 200 }] });
    expect(api.success ? {} : fieldErrorsFrom(api.error)).toEqual({ "passengers.0.age": ["Age cannot be more than 125."] });
  });

  it("accepts a filled-in form and sends ages as numbers", () => {
    const checked = checkBooking(request({ auto: false, seatIds: ["seat-1"], passengers: [{ ...emptyPassenger(), name: " Ola ", age: " 0 " }] }));
    expect(checked).toMatchObject({ ok: true, input: { passengers: [{ name: "Ola", age: 0, seatId: "seat-1" }] } });
  });
});

describe("an empty booking form", () => {
  const empty = [emptyPassenger(), emptyPassenger()];

  it("marks every passenger's name and age, and each seat still to pick, all at once", () => {
    const checked = checkBooking(request({ auto: false, passengers: empty, seatIds: ["seat-1"] }));
    expect(checked).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(checked.ok ? {} : checked.fieldErrors).toEqual({
      "passengers.0.name": ["Enter the passenger's name."],
      "passengers.0.age": ["Enter the passenger's age."],
      "passengers.1.name": ["Enter the passenger's name."],
      "passengers.1.age": ["Enter the passenger's age."],
      "passengers.1.seatId": ["Pick a seat on the map for passenger 2."],
    });
  });

  it("asks for no seat when seats are chosen for the party", () => {
    expect(Object.keys(errorsFor(request({ auto: true, passengers: empty }))).sort()).toEqual([
      "passengers.0.age",
      "passengers.0.name",
      "passengers.1.age",
      "passengers.1.name",
    ]);
  });

  it("with only the seats missing, says how many to pick", () => {
    const checked = checkBooking(request({ auto: false }));
    expect(checked).toEqual({
      ok: false,
      code: "SEATS_NOT_CHOSEN",
      fieldErrors: { "passengers.0.seatId": ["Pick a seat on the map for passenger 1."] },
      message: 'Choose 1 seat on the map, one for each passenger (you have chosen 0), or turn on "Choose seats for me".',
    });
  });
});
