// An export as an HTTP answer: text/csv streamed chunk by chunk, named for download.
import "server-only";
import type { ExportKind } from "@/lib/schemas/admin-exports";
import { exportCsv, exportFileName, type ExportRange } from "@/lib/admin/exports/exports";

export function csvResponse(kind: ExportKind, range: ExportRange): Response {
  const chunks = exportCsv(kind, range);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(kind, range)}"`,
      "cache-control": "no-store",
    },
  });
}
