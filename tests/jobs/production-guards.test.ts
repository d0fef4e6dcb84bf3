// What a production server (NODE_ENV=production) refuses to do without its settings.
import { afterEach, describe, expect, it } from "vitest";
import { POST as sweep, GET as sweepByGet } from "@/app/api/cron/expire-holds/route";
import { cardFingerprint } from "@/lib/payments/card";
import { appUrl } from "@/lib/jobs/notifications/render";
import { devMailDir } from "@/lib/notifications/dev-mailbox";
import { isAppError } from "@/lib/errors";
import { apiUser, callRoute } from "../booking/helpers";

const saved = { ...process.env };
const env = process.env as Record<string, string | undefined>;

afterEach(() => {
  for (const key of ["NODE_ENV", "CRON_SECRET", "PAYMENT_FINGERPRINT_SECRET", "APP_URL", "AUTH_URL", "DEV_MAIL", "DEV_MAIL_DIR"]) env[key] = saved[key];
  for (const key of Object.keys(env)) if (saved[key] === undefined) delete env[key];
});

function production() {
  env.NODE_ENV = "production";
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
  return undefined;
}

describe("production guards", () => {
  it("cron routes refuse to run without CRON_SECRET in production, even for an admin (503 NOT_CONFIGURED)", async () => {
    delete env.CRON_SECRET;
    production();
    const admin = await apiUser("ADMIN");
    const res = await callRoute(sweep, { method: "POST", path: "/api/cron/expire-holds", headers: admin.auth });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("NOT_CONFIGURED");
    expect(res.body.error.message).toMatch(/CRON_SECRET/);
  });

  it("cron routes take GET only from the scheduler's secret; an admin session must POST", async () => {
    delete env.CRON_SECRET;
    const admin = await apiUser("ADMIN");
    const byGet = await callRoute(sweepByGet, { method: "GET", path: "/api/cron/expire-holds", headers: admin.auth });
    expect(byGet.status).toBe(405);
    expect((await callRoute(sweep, { method: "POST", path: "/api/cron/expire-holds", headers: admin.auth })).status).toBe(200);

    env.CRON_SECRET = "cron-secret-for-guards-0123456789";
    production();
    const scheduler = await callRoute(sweepByGet, { method: "GET", path: "/api/cron/expire-holds", headers: { authorization: "Bearer cron-secret-for-guards-0123456789" } });
    expect(scheduler.status).toBe(200);
  });

  it("the card fingerprint key is its own secret, required in production", () => {
    delete env.PAYMENT_FINGERPRINT_SECRET;
    const devPrint = cardFingerprint("4242424242424242");
    production();
    expect(codeOf(() => cardFingerprint("4242424242424242"))).toBe("NOT_CONFIGURED");
    env.PAYMENT_FINGERPRINT_SECRET = "fingerprint-secret-0123456789";
    const prodPrint = cardFingerprint("4242424242424242");
    expect(prodPrint).toMatch(/^[0-9a-f]{64}$/);
    expect(prodPrint).not.toBe(devPrint);
  });

  it("email links come from APP_URL (or AUTH_URL), never a localhost fallback in production", () => {
    delete env.APP_URL;
    delete env.AUTH_URL;
    expect(appUrl()).toMatch(/^http:\/\/127\.0\.0\.1:/); // a dev machine
    production();
    expect(codeOf(() => appUrl())).toBe("NOT_CONFIGURED");
    env.AUTH_URL = "https://tickets.example.com/";
    expect(appUrl()).toBe("https://tickets.example.com");
    env.APP_URL = "https://railbook.example.com";
    expect(appUrl()).toBe("https://railbook.example.com");
  });

  it("/dev/mail has no mailbox in production unless DEV_MAIL=on", () => {
    env.DEV_MAIL_DIR = "/tmp/railbook-mail";
    expect(devMailDir()).toBe("/tmp/railbook-mail");
    production();
    expect(devMailDir()).toBeNull();
    env.DEV_MAIL = "on";
    expect(devMailDir()).toBe("/tmp/railbook-mail");
  });
});
