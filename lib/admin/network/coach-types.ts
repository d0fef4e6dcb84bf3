// Coach types for the operator: the list with capacities and use, one type with its layout (for
// the preview), and creating a type from a template. A type's layout never changes once created:
// services copy its seats, so an edit would make sold seats disagree with the drawing.
import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { validationError } from "@/lib/errors";
import { buildFromTemplate, coachTemplate } from "@/lib/network/coach-templates";
import type { CoachTypeFormInput } from "@/lib/schemas/admin-network";
import type { SeatMapView } from "@/lib/schemas/booking";

export interface CoachTypeRow {
  id: string;
  code: string;
  name: string;
  kind: "SEATED" | "SLEEPER";
  classCode: string;
  className: string;
  seats: number;
  trains: number;
}

export async function listCoachTypes(): Promise<CoachTypeRow[]> {
  return db().$queryRaw<CoachTypeRow[]>`
    SELECT ct.id, ct.code, ct.name, ct.kind::text AS kind, ct."classCode", tc.name AS "className",
      (SELECT COUNT(*)::int FROM "CoachTypeSeat" cts WHERE cts."coachTypeId" = ct.id) AS seats,
      (SELECT COUNT(DISTINCT c."trainId")::int FROM "TrainCoach" c WHERE c."coachTypeId" = ct.id) AS trains
    FROM "CoachType" ct JOIN "TravelClass" tc ON tc.code = ct."classCode"
    ORDER BY tc."sortOrder", ct.code`;
}

export async function travelClasses() {
  return db().travelClass.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

type MapCoach = SeatMapView["coaches"][number];

/** A stored coach type drawn the way the passenger seat map draws a coach, every seat free. */
export async function coachTypeWithLayout(coachTypeId: string): Promise<{ row: CoachTypeRow; coach: MapCoach } | null> {
  const type = await db().coachType.findUnique({
    where: { id: coachTypeId },
    include: { travelClass: true, seats: { orderBy: { number: "asc" } } },
  });
  if (!type) return null;
  const trains = await db().trainCoach.findMany({ where: { coachTypeId }, distinct: ["trainId"], select: { trainId: true } });
  return {
    row: {
      id: type.id, code: type.code, name: type.name, kind: type.kind, classCode: type.classCode,
      className: type.travelClass.name, seats: type.seats.length, trains: trains.length,
    },
    coach: {
      coach: "Preview",
      position: 1,
      class: type.classCode,
      kind: type.kind,
      rows: type.rows,
      columns: type.columns,
      seats: type.seats.map((s) => ({
        seatId: s.id, number: s.number, berth: s.berth, position: s.position, row: s.row, col: s.col, bay: s.bay, quota: "GENERAL", available: true,
      })),
    },
  };
}

/** Builds the layout from the template and stores the type with all its seats, in one transaction. */
export async function createCoachType(input: CoachTypeFormInput): Promise<{ id: string; seats: number }> {
  const template = coachTemplate(input.template);
  if (!template) throw validationError({ template: ["Choose a layout."] });
  const travelClass = await db().travelClass.findUnique({ where: { code: input.classCode } });
  if (!travelClass) throw validationError({ classCode: ["Choose a class from the list."] });
  let layout;
  try {
    layout = buildFromTemplate(input.template, input.size);
  } catch (error) {
    if (error instanceof RangeError) throw validationError({ size: [`${template.size.label} must be from ${template.size.min} to ${template.size.max}.`] });
    throw error;
  }
  try {
    const created = await db().coachType.create({
      data: {
        code: input.code,
        name: input.name,
        kind: template.kind,
        classCode: input.classCode,
        rows: layout.rows,
        columns: layout.columns,
        seats: { createMany: { data: layout.seats } },
      },
      select: { id: true },
    });
    return { id: created.id, seats: layout.seats.length };
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError({ code: ["Another coach type already has this code."] });
    throw error;
  }
}
