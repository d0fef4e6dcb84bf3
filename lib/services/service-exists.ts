// Whether a service id names a service at all: the seat-map page asks first, before it streams,
// so an unknown id answers a real 404 status rather than a 200 page that says "not found".
import "server-only";
import { db } from "@/lib/db";

export async function serviceExists(serviceId: string): Promise<boolean> {
  if (serviceId.length > 64) return false;
  return (await db().service.count({ where: { id: serviceId } })) > 0;
}
