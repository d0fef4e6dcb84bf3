// Stations for the operator: a searchable, paged list, create, edit, and delete, which is refused
// while a train calls at the station (its stops would point nowhere), naming those trains.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, validationError } from "@/lib/errors";
import type { StationFormInput, StationListQuery } from "@/lib/schemas/admin-network";
import { normalizeForMatch } from "@/lib/schemas/search";

export const STATIONS_PAGE_SIZE = 20;

/**
 * Letters folded to their base for searching, so "Lodz" finds "Łódź". SQL translate() rather than
 * the unaccent extension: no extension to install, and it runs on CockroachDB too (decision 003).
 * Both cases are listed because lower() of non-ASCII letters depends on the database's locale.
 */
const FOLDED = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻáàâäãåčďéèêëěėíìîïįľĺňñôöõòřŕšťúùûüůųūýÿžģķļņāēīōÁÀÂÄÃÅČĎÉÈÊËĚĖÍÌÎÏĮĽĹŇÑÔÖÕÒŘŔŠŤÚÙÛÜŮŲŪÝŸŽĢĶĻŅĀĒĪŌ";
const BASE = [...FOLDED].map((c) => normalizeForMatch(c)).join("");
if (BASE.length !== [...FOLDED].length) throw new Error("station search: every folded letter must map to one base letter");

function folded(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(translate(${column}, ${FOLDED}, ${BASE}))`;
}

function likePattern(query: string): string {
  return `%${normalizeForMatch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface StationRow {
  id: string;
  code: string;
  name: string;
  city: string;
  timeZone: string;
  trains: number;
}

export interface StationPage {
  rows: StationRow[];
  total: number;
  page: number;
  pageCount: number;
}

export async function searchStations(query: StationListQuery): Promise<StationPage> {
  const q = query.q?.trim();
  const where = q
    ? Prisma.sql`WHERE ${folded(Prisma.sql`s.name`)} LIKE ${likePattern(q)} OR ${folded(Prisma.sql`s.city`)} LIKE ${likePattern(q)} OR s.code ILIKE ${likePattern(q)}`
    : Prisma.empty;
  const [count] = await db().$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM "Station" s ${where}`;
  const total = count?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / STATIONS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().$queryRaw<StationRow[]>`
    SELECT s.id, s.code, s.name, s.city, s."timeZone",
           (SELECT COUNT(DISTINCT ts."trainId")::int FROM "TrainStop" ts WHERE ts."stationId" = s.id) AS trains
    FROM "Station" s ${where}
    ORDER BY ${folded(Prisma.sql`s.name`)}, s.code
    LIMIT ${STATIONS_PAGE_SIZE} OFFSET ${(page - 1) * STATIONS_PAGE_SIZE}`;
  return { rows, total, page, pageCount };
}

export interface StationUse {
  trainId: string;
  number: string;
  name: string;
}

/** The trains that call at a station: why it cannot be deleted. */
export async function trainsCallingAt(stationId: string): Promise<StationUse[]> {
  const stops = await db().trainStop.findMany({
    where: { stationId },
    select: { train: { select: { id: true, number: true, name: true } } },
    orderBy: { train: { number: "asc" } },
  });
  return stops.map((s) => ({ trainId: s.train.id, number: s.train.number, name: s.train.name }));
}

export async function getStation(stationId: string) {
  return db().station.findUnique({ where: { id: stationId } });
}

function codeTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw validationError({ code: ["Another station already has this code."] });
  throw error;
}

export async function createStation(input: StationFormInput) {
  return db().station.create({ data: input }).catch(codeTaken);
}

export async function updateStation(stationId: string, input: StationFormInput) {
  const existing = await getStation(stationId);
  if (!existing) throw new AppError("NOT_FOUND", "That station no longer exists.");
  return db().station.update({ where: { id: stationId }, data: input }).catch(codeTaken);
}

/**
 * Deletes a station no train calls at. Bookings, platform changes and schedule changes also refer
 * to stations; the database refuses the delete then (a foreign key), and that is reported as
 * history that must stay.
 */
export async function deleteStation(stationId: string): Promise<void> {
  const station = await getStation(stationId);
  if (!station) throw new AppError("NOT_FOUND", "That station no longer exists.");
  const trains = await trainsCallingAt(stationId);
  if (trains.length > 0) {
    const names = trains.map((t) => t.number).join(", ");
    throw new AppError("CONFLICT", `${station.name} cannot be deleted: ${trains.length === 1 ? "train" : "trains"} ${names} ${trains.length === 1 ? "calls" : "call"} at it. Remove it from their routes first.`, {
      trains,
    });
  }
  try {
    await db().station.delete({ where: { id: stationId } });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new AppError("CONFLICT", `${station.name} cannot be deleted: past bookings or schedule changes refer to it.`);
    }
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { originalCode?: string } } | null;
  return e?.code === "P2003" || e?.cause?.originalCode === "23503" || /Foreign key constraint/i.test(e?.message ?? "");
}
