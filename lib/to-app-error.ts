// Anything thrown, as the one error type: every transport's edge (lib/http.ts for route handlers,
// lib/grpc for the gRPC server) translates through here, so a database hiccup or a zod error reads
// the same on every protocol. Unknown errors are logged and become INTERNAL.
import type { z } from "zod";
import { AppError, isAppError, validationError } from "@/lib/errors";
import { fieldErrorsFrom } from "@/lib/validation";
import { logger } from "@/lib/logger";
import { isConnectionError, isInvalidInputError } from "@/lib/db/errors";
import { databaseUnavailable, summary } from "@/lib/db/connection-retry";

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error && typeof error === "object" && "issues" in error && Array.isArray((error as z.ZodError).issues)) {
    return validationError(fieldErrorsFrom(error as z.ZodError));
  }
  if (isInvalidInputError(error)) {
    logger.warn("input refused by the database", { error: summary(error) });
    return new AppError("VALIDATION_FAILED", "Some of the input could not be read. Check it and try again.");
  }
  if (isConnectionError(error)) {
    // Expected while the database fails over; one line, no stack (docs/decisions/010-high-availability.md).
    logger.warn("database unavailable", { error: summary(error) });
    return databaseUnavailable();
  }
  logger.error("unhandled error", { error });
  return new AppError("INTERNAL");
}
