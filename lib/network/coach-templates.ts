// The coach templates offered when an operator creates a coach type, and used by the seed.
// Each template has one size knob (rows or bays) so the admin form is a select plus a number.
// Prisma-free: the admin form (a client component) lists these.
import type { CoachKind } from "@/lib/generated/prisma/enums";
import { LAYOUT_LIMITS, seated2plus1, seated2plus2, sleeperBays, type CoachLayout } from "./coach-layouts";

export type CoachTemplateKey = "SEATED_2_2" | "SEATED_2_1" | "SLEEPER_6_BAY" | "SLEEPER_4_COMPARTMENT";

export interface CoachTemplate {
  key: CoachTemplateKey;
  name: string;
  description: string;
  kind: CoachKind;
  /** The travel class this layout is normally sold as; the operator may choose another. */
  suggestedClassCode: "FIRST" | "SECOND" | "SLEEPER";
  size: { label: string; min: number; max: number; default: number };
  /** Seats (or berths) per unit of `size`, for showing the capacity before building. */
  seatsPerUnit: number;
  build: (size: number) => CoachLayout;
}

export const COACH_TEMPLATES: readonly CoachTemplate[] = [
  {
    key: "SEATED_2_2",
    name: "Open saloon 2+2",
    description: "Two seats each side of a centre aisle, window and aisle seats. Standard second class.",
    kind: "SEATED",
    suggestedClassCode: "SECOND",
    size: { label: "Rows", ...LAYOUT_LIMITS.seatedRows, default: 16 },
    seatsPerUnit: 4,
    build: (rows) => seated2plus2({ rows }),
  },
  {
    key: "SEATED_2_1",
    name: "Open saloon 2+1",
    description: "A single seat on one side of the aisle and a pair on the other. First class.",
    kind: "SEATED",
    suggestedClassCode: "FIRST",
    size: { label: "Rows", ...LAYOUT_LIMITS.seatedRows, default: 14 },
    seatsPerUnit: 3,
    build: (rows) => seated2plus1({ rows }),
  },
  {
    key: "SLEEPER_6_BAY",
    name: "Open sleeper, 6-berth bays + side berths",
    description: "Bays of lower, middle and upper berths facing each other, with two side berths across the aisle.",
    kind: "SLEEPER",
    suggestedClassCode: "SLEEPER",
    size: { label: "Bays", ...LAYOUT_LIMITS.sleeperBays, default: 9 },
    seatsPerUnit: 8,
    build: (bays) => sleeperBays({ bays, berthsPerSide: 3 }),
  },
  {
    key: "SLEEPER_4_COMPARTMENT",
    name: "Sleeper, 4-berth compartments",
    description: "Closed compartments of two lower and two upper berths off a side corridor.",
    kind: "SLEEPER",
    suggestedClassCode: "SLEEPER",
    size: { label: "Compartments", ...LAYOUT_LIMITS.sleeperBays, default: 9 },
    seatsPerUnit: 4,
    build: (bays) => sleeperBays({ bays, berthsPerSide: 2 }),
  },
];

export function coachTemplate(key: string): CoachTemplate | undefined {
  return COACH_TEMPLATES.find((template) => template.key === key);
}

/** Builds a layout from a template key and size; throws RangeError for an unknown key or bad size. */
export function buildFromTemplate(key: string, size: number): CoachLayout {
  const template = coachTemplate(key);
  if (!template) throw new RangeError(`unknown coach template "${key}"`);
  return template.build(size);
}
