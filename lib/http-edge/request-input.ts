// What every request body and parameter must satisfy before any schema or query sees it: a size
// cap read as a stream (a 20 MB body is refused at 64 KB, not after it is in memory), and no
// string anywhere that PostgreSQL cannot store (NUL, unpaired surrogates). Person-readable fields
// get the stricter rule of lib/schemas/text.ts on top.
import "server-only";
import { AppError, validationError } from "@/lib/errors";
import { hasUnstorableCharacters } from "@/lib/schemas/text";
import { config } from "@/lib/config";


export function maxBodyBytes(): number {
  return config().MAX_BODY_BYTES;
}

export function payloadTooLarge(limit = maxBodyBytes()): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", undefined, { maxBytes: limit });
}

/** The body as text, refused with 413 PAYLOAD_TOO_LARGE as soon as it passes the limit. */
export async function readBodyText(request: Request, limit = maxBodyBytes()): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The dotted path of the first string (or key) that cannot be stored, or null when all are fine. */
export function findUnstorable(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasUnstorableCharacters(value) ? path || "_form" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (hasUnstorableCharacters(key)) return path || "_form";
      const found = findUnstorable(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Throws 400 VALIDATION_FAILED naming the field that carries a NUL or an unpaired surrogate. */
export function assertStorable(value: unknown): void {
  const field = findUnstorable(value);
  if (field) throw validationError({ [field]: ["Remove the control or broken characters from this field."] });
}
