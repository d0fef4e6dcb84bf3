// Which kind of server this is, for the guards that differ between a developer's machine and
// production (docs/security.md, "Production guards"). Prisma-free and side-effect free.
import { AppError } from "@/lib/errors";

/** `next start` / `npm start` / a Vercel deployment: NODE_ENV is "production" there. */
export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/** The local SMTP server and /dev/mail: always under `npm run dev`, elsewhere only with DEV_MAIL=on. */
export function devMailAllowed(): boolean {
  return !isProduction() || process.env.DEV_MAIL === "on";
}

/** A setting production cannot run without: 503 NOT_CONFIGURED naming it. */
export function requiredInProduction(name: string, why: string): never {
  throw new AppError("NOT_CONFIGURED", `This server is not set up for that yet: ${name} is not set (${why}).`, { missing: name });
}

/** What a production server is missing, for a warning at start (each use refuses on its own too). */
export function productionGaps(env: NodeJS.ProcessEnv = process.env): string[] {
  const gaps: string[] = [];
  if (!env.APP_URL && !env.AUTH_URL) gaps.push("APP_URL (links in emails and sign-in redirects)");
  if (!env.PAYMENT_FINGERPRINT_SECRET) gaps.push("PAYMENT_FINGERPRINT_SECRET (payments)");
  if (!env.TICKET_SIGNING_KEY) gaps.push("TICKET_SIGNING_KEY (signed e-tickets)");
  if (!env.CRON_SECRET && env.SCHEDULED_JOBS === "off") gaps.push("CRON_SECRET (the /api/cron routes)");
  return gaps;
}
