// Reference data of the demo network: classes, quotas, coach types, fares and refund rules.
// Fares and refund rules have no natural key, so their seed rows carry fixed ids: re-seeding finds
// them by id and never adds a second copy (and never reopens a row an operator has since closed).
import type { CoachKind } from "@/lib/generated/prisma/enums";
import type { CoachTemplateKey } from "@/lib/network/coach-templates";

export const TRAVEL_CLASSES = [
  { code: "FIRST", name: "First class", sortOrder: 1 },
  { code: "SECOND", name: "Second class", sortOrder: 2 },
  { code: "SLEEPER", name: "Sleeper", sortOrder: 3 },
] as const;

/**
 * GENERAL is the default pool every unreserved seat belongs to. `minAge`: every passenger of a
 * booking in the quota must be at least that old (lib/booking/quota-rules.ts). The ladies quota has
 * no rule the app can check, since bookings record no sex; staff check it on board.
 */
export const QUOTAS = [
  { code: "GENERAL", name: "General", minAge: null },
  { code: "SENIOR", name: "Senior (60+)", minAge: 60 },
  { code: "LADIES", name: "Ladies", minAge: null },
] as const;

export interface SeedCoachType {
  code: string;
  name: string;
  kind: CoachKind;
  classCode: "FIRST" | "SECOND" | "SLEEPER";
  template: CoachTemplateKey;
  size: number;
}

export const COACH_TYPES: readonly SeedCoachType[] = [
  { code: "A-2+1-42", name: "First class open saloon 2+1, 42 seats", kind: "SEATED", classCode: "FIRST", template: "SEATED_2_1", size: 14 },
  { code: "B-2+2-64", name: "Second class open saloon 2+2, 64 seats", kind: "SEATED", classCode: "SECOND", template: "SEATED_2_2", size: 16 },
  { code: "S-6B-72", name: "Open sleeper, 9 bays of 6 + 2 side berths, 72 berths", kind: "SLEEPER", classCode: "SLEEPER", template: "SLEEPER_6_BAY", size: 9 },
  { code: "WL-4C-36", name: "Sleeper, 9 compartments of 4 berths, 36 berths", kind: "SLEEPER", classCode: "SLEEPER", template: "SLEEPER_4_COMPARTMENT", size: 9 },
];

/** Every seed price starts here, well before any service the seed makes. */
const PRICES_FROM = new Date("2025-01-01T00:00:00Z");

/**
 * Distance fares in grosze (PLN minor units): max(min, base + perKm * km).
 * Gdańsk Główny - Kraków Główny (616 km): second 187.48 zł, first 302.20 zł, sleeper 306.40 zł.
 */
export const FARE_RATES = [
  { id: "5eed0000-0000-4000-8000-00000000fa01", classCode: "SECOND", baseMinor: 1500, perKmMinor: 28, minMinor: 2500 },
  { id: "5eed0000-0000-4000-8000-00000000fa02", classCode: "FIRST", baseMinor: 2500, perKmMinor: 45, minMinor: 4000 },
  { id: "5eed0000-0000-4000-8000-00000000fa03", classCode: "SLEEPER", baseMinor: 6000, perKmMinor: 40, minMinor: 9000 },
].map((rate) => ({ ...rate, currency: "PLN", validFrom: PRICES_FROM, validTo: null }));

/**
 * Cancellation refunds, by time left before the train leaves the passenger's boarding station;
 * the rule with the largest threshold met applies:
 * - 48 h or more: the whole fare back, less a 10 zł handling fee;
 * - 24-48 h: 90 % back, less the same fee;
 * - 4-24 h: 50 % back, no fee;
 * - under 4 h (up to departure): nothing back. After departure no rule matches: no refund.
 * The fee comes out of the refund, so it can lower a refund to zero but never below.
 */
export const REFUND_RULES = [
  { id: "5eed0000-0000-4000-8000-00000000fb01", minHoursBefore: 48, refundBasisPoints: 10_000, feeMinor: 1000 },
  { id: "5eed0000-0000-4000-8000-00000000fb02", minHoursBefore: 24, refundBasisPoints: 9_000, feeMinor: 1000 },
  { id: "5eed0000-0000-4000-8000-00000000fb03", minHoursBefore: 4, refundBasisPoints: 5_000, feeMinor: 0 },
  { id: "5eed0000-0000-4000-8000-00000000fb04", minHoursBefore: 0, refundBasisPoints: 0, feeMinor: 0 },
].map((rule) => ({ ...rule, currency: "PLN", validFrom: PRICES_FROM, validTo: null }));

/**
 * Exchange rules (docs/decisions/027): changing a paid booking to another train, date or class.
 * - 24 h or more before departure: free (only the fare difference);
 * - 1-24 h: 5 zł per passenger besides the difference;
 * - under 1 h: no rule, so no change (cancelling under the refund rules still works).
 * A booking whose train the operator cancelled is changed without a fee.
 */
export const EXCHANGE_RULES = [
  { id: "5eed0000-0000-4000-8000-00000000fc01", minHoursBefore: 24, feeMinor: 0 },
  { id: "5eed0000-0000-4000-8000-00000000fc02", minHoursBefore: 1, feeMinor: 500 },
].map((rule) => ({ ...rule, currency: "PLN", validFrom: PRICES_FROM, validTo: null }));

/**
 * Concessions (docs/decisions/041): the statutory Polish reductions on national rail (ustawa o
 * uprawnieniach do ulgowych przejazdów) and one operator offer, each with the proof a conductor
 * may ask for. CHILD is a passenger type by age, applied without being chosen. A child under 4
 * travels free only without a seat of their own, which online booking does not sell: one with a seat
 * gets the child reduction.
 */
export const CONCESSIONS = [
  { code: "CHILD", name: "Child under 16", proof: "a document showing the child's age (e.g. school ID, legitymacja szkolna)", automatic: true, minAge: 0, maxAge: 15, sortOrder: 1 },
  { code: "STUDENT", name: "Student under 26", proof: "student ID (legitymacja studencka)", automatic: false, minAge: null, maxAge: 25, sortOrder: 2 },
  { code: "LARGE_FAMILY", name: "Large Family Card", proof: "Large Family Card (Karta Dużej Rodziny) with photo ID", automatic: false, minAge: null, maxAge: null, sortOrder: 3 },
  {
    code: "DISABLED_DEPENDENT", name: "Person unable to live independently", automatic: false, minAge: null, maxAge: null, sortOrder: 4,
    proof: "a disability certificate stating inability to live independently (orzeczenie o niezdolności do samodzielnej egzystencji)",
  },
  { code: "DISABLED_CARER", name: "Carer of a person unable to live independently", proof: "the certificate of the person they travel with", automatic: false, minAge: 13, maxAge: null, sortOrder: 5 },
  { code: "SENIOR", name: "Senior 60+", proof: "photo ID showing the age (dowód osobisty)", automatic: false, minAge: 60, maxAge: null, sortOrder: 6 },
] as const;

export const CONCESSION_DISCOUNTS = [
  { id: "5eed0000-0000-4000-8000-00000000fd01", concessionCode: "CHILD", discountBasisPoints: 3700 },
  { id: "5eed0000-0000-4000-8000-00000000fd02", concessionCode: "STUDENT", discountBasisPoints: 5100 },
  { id: "5eed0000-0000-4000-8000-00000000fd03", concessionCode: "LARGE_FAMILY", discountBasisPoints: 3700 },
  { id: "5eed0000-0000-4000-8000-00000000fd04", concessionCode: "DISABLED_DEPENDENT", discountBasisPoints: 4900 },
  { id: "5eed0000-0000-4000-8000-00000000fd05", concessionCode: "DISABLED_CARER", discountBasisPoints: 9500 },
  { id: "5eed0000-0000-4000-8000-00000000fd06", concessionCode: "SENIOR", discountBasisPoints: 3000 },
].map((d) => ({ ...d, validFrom: PRICES_FROM, validTo: null }));

/** Demo accounts shown on the sign-in page. */
export const DEMO_USERS = [
  { email: "passenger@railbook.test", password: "passenger-demo-1", name: "Paula Passenger", role: "PASSENGER" },
  { email: "admin@railbook.test", password: "admin-demo-1", name: "Adam Admin", role: "ADMIN" },
  { email: "conductor@railbook.test", password: "conductor-demo-1", name: "Celina Conductor", role: "CONDUCTOR" },
  { email: "desk@railbook.test", password: "desk-demo-1", name: "Dorota Desk", role: "DESK" },
] as const;
