// Which kind of server this is, for the guards that differ between a developer's machine and
// production (docs/security.md, "Production guards"). Prisma-free and side-effect free.
import { AppError } from "@/lib/errors";
import { config, type Config } from "@/lib/config";

/** `next start` / `npm start` / a Vercel deployment: NODE_ENV is "production" there. */
export function isProduction(): boolean {
  return config().NODE_ENV === "production";
}

/** The local SMTP server and /dev/mail: always under `npm run dev`, elsewhere only with DEV_MAIL=on. */
export function devMailAllowed(): boolean {
  return !isProduction() || config().DEV_MAIL;
}

/** A setting production cannot run without: 503 NOT_CONFIGURED naming it. */
export function requiredInProduction(name: string, why: string): never {
  throw new AppError("NOT_CONFIGURED", `This server is not set up for that yet: ${name} is not set (${why}).`, { missing: name });
}

/**
 * What a production server still lacks beyond the secrets it refuses to start without
 * (lib/config/production.ts), for a warning at start; each use refuses on its own too.
 */
export function productionGaps(c: Config = config()): string[] {
  const gaps: string[] = [];
  if (!c.APP_URL && !c.AUTH_URL) gaps.push("APP_URL (links in emails and sign-in redirects)");
  if (!c.PAYMENT_FINGERPRINT_SECRET) gaps.push("PAYMENT_FINGERPRINT_SECRET (payments)");
  return gaps;
}
