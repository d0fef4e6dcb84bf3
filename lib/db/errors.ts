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

// Input PostgreSQL could not take as the type it was meant for. Schemas refuse these first; this is
// the safety net for a path they missed, so the caller gets 400 VALIDATION_FAILED, not a 500.
const INVALID_INPUT_STATES = new Set([
  "22021", // character_not_in_repertoire: a NUL or bytes that are not UTF-8 in text
  "22008", // datetime_field_overflow: year 0, month 13
  "22P02", // invalid_text_representation: "abc" for a uuid or an integer
  "22007", // invalid_datetime_format
]);

/** The statement failed on the input's form (22021, 22008, 22P02, 22007), not on the data or the server. */
export function isInvalidInputError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const state = sqlState(current as MaybeDbError);
    if (state && INVALID_INPUT_STATES.has(state)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// What "the connection or the server went away" looks like through Prisma 7 + adapter-pg, as seen
// when the primary of the Patroni cluster was killed (cluster/experiments/error-shapes.ts):
// - P2010/P2039 whose driver adapter error carries SQLSTATE 57P01 on the statement in flight;
// - a bare node-postgres Error "Connection terminated unexpectedly" (adapter-pg rethrows errors
//   it cannot classify as they are), or "Client has encountered a connection error and is not
//   queryable" from a pooled client that just died;
// - 0A000 "cannot use serializable mode in a hot standby" and 25006 read-only: the connection
//   reached a member that is still (or again) a replica, right at promotion;
// - socket errors, which adapter-pg maps to kinds DatabaseNotReachable/ConnectionClosed/SocketTimeout,
//   and pg-pool's connect timeouts.
const CONNECTION_STATES = new Set([
  "57P01", // admin_shutdown (also: "terminating connection due to unexpected postmaster exit")
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "08000", "08001", "08003", "08004", "08006", // connection_exception and its kinds
  "25006", // read_only_sql_transaction: reached a replica
  // statement_completion_unknown: CockroachDB's "result is ambiguous" when a node fails during
  // COMMIT (docs/deploy/cockroachdb.md). The same unknown outcome as a lost connection.
  "40003",
]);
const CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// Can't reach server, connect timeout, operations timed out, server closed the connection, pool timeout.
const CONNECTION_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
const CONNECTION_MESSAGES = [
  /Connection terminated unexpectedly/,
  /Connection terminated due to connection timeout/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /cannot use serializable mode in a hot standby/,
  /cannot execute \w+ in a read-only transaction/,
];

function looksLikeConnectionLoss(error: MaybeDbError): boolean {
  const code = typeof error.code === "string" ? error.code : "";
  if (CONNECTION_PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || CONNECTION_STATES.has(code)) return true;
  const kind = error.cause?.kind ?? error.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && CONNECTION_KINDS.has(kind)) return true;
  const state = sqlState(error);
  if (state && CONNECTION_STATES.has(state)) return true;
  const message = typeof error.message === "string" ? error.message : "";
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * The database connection was lost or reached a server that cannot take writes now (failover):
 * reconnecting and repeating the work may succeed. For a COMMIT that failed this way the outcome
 * is unknown, so only work that is safe to repeat may be retried (docs/decisions/010-high-availability.md).
 */
export function isConnectionError(error: unknown): boolean {
  // Some wrappers keep the original in `cause` (pg-pool's connect timeout, Prisma's adapter errors).
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    if (looksLikeConnectionLoss(current as MaybeDbError)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
