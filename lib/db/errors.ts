// Database errors, translated at the edge of lib/ (see ../shared/ENVIRONMENT.md for how each
// arrives through Prisma 7 + adapter-pg).

interface MaybeDbError {
  code?: unknown;
  message?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  cause?: { kind?: unknown; code?: unknown; originalCode?: unknown };
}

function sqlState(error: MaybeDbError): string | undefined {
  const candidates = [
    error.cause?.originalCode,
    error.cause?.code,
    error.meta?.driverAdapterError?.cause?.originalCode,
    error.meta?.code,
  ];
  for (const c of candidates) if (typeof c === "string" && /^[0-9A-Z]{5}$/.test(c)) return c;
  const message = typeof error.message === "string" ? error.message : "";
  return /Code: `([0-9A-Z]{5})`/.exec(message)?.[1];
}

/** Serialization failure or deadlock: the transaction may be retried from the start. */
export function isRetryableTxError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as MaybeDbError;
  if (e.code === "P2034") return true;
  const kind = e.cause?.kind ?? e.meta?.driverAdapterError?.cause?.kind;
  if (kind === "TransactionWriteConflict") return true;
  const state = sqlState(e);
  return state === "40001" || state === "40P01";
}

/** A unique constraint was violated (P2002, or 23505 from raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as MaybeDbError;
  if (e.code === "P2002") return true;
  const kind = e.cause?.kind ?? e.meta?.driverAdapterError?.cause?.kind;
  return kind === "UniqueConstraintViolation" || sqlState(e) === "23505";
}

/** `FOR UPDATE NOWAIT` (or lock_timeout) found the row locked by another transaction: 55P03. */
export function isLockNotAvailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  return sqlState(error as MaybeDbError) === "55P03";
}
