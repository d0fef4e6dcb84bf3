// GET /admin/services/{serviceId}/manifest.csv: the passenger manifest as a download, admins only
// (checked here on the server, as on the page). Not under /api/v1: it is a file for a person.
import { NextResponse } from "next/server";
import { getRequestUser } from "@/lib/auth/current-user";
import { serviceHeader } from "@/lib/admin/network/service-detail";
import { serviceManifest } from "@/lib/admin/manifest/service-manifest";
import { manifestCsv } from "@/lib/admin/manifest/manifest-csv";
import { errorResponse } from "@/lib/http";
import { AppError } from "@/lib/errors";

export async function GET(request: Request, { params }: { params: Promise<{ serviceId: string }> }): Promise<Response> {
  const user = await getRequestUser(request);
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"));
  if (user.role !== "ADMIN") return errorResponse(new AppError("FORBIDDEN"));
  const { serviceId } = await params;
  const header = await serviceHeader(serviceId);
  if (!header) return errorResponse(new AppError("NOT_FOUND", "There is no such service."));
  const csv = manifestCsv(await serviceManifest(serviceId));
  const filename = `manifest-${header.train.number.replace(/[^A-Za-z0-9]+/g, "-")}-${header.serviceDate}.csv`;
  return new NextResponse(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
