// An operator's day, part 2: a passenger books and pays through the API; the operator finds the
// booking by its reference, sees it in today's numbers, delays and then cancels the train; the
// passenger's booking page shows the cancellation, the refund and the service updates. And the
// operator pages and APIs stay shut: 403 for a passenger, sign-in for a visitor.
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { test, expect, signIn, DEMO_ADMIN } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

const ADMIN_PAGES = ["/admin", "/admin/stations", "/admin/trains", "/admin/coach-types", "/admin/services", "/admin/pricing", "/admin/bookings", "/admin/analytics", "/admin/users", "/admin/holds", "/admin/exports"];

/** Every "METHOD /api/v1/admin/..." route on disk, path parameters filled with stand-ins. */
function adminApiRoutes(): { method: string; url: string }[] {
  const root = path.join(import.meta.dirname, "../app/api/v1/admin");
  const out: { method: string; url: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const url = "/api/v1/admin/" + path.relative(root, dir).split(path.sep).join("/").replace(/\[pnr\]/g, "ABCDEFGHJK").replace(/\[[^\]]+\]/g, "x");
        for (const [, method] of readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push({ method: method!, url: url.replace(/\/$/, "") });
      }
    }
  };
  walk(root);
  return out;
}

test("an operator finds a paid booking, sees it in today's numbers, cancels the train, and the passenger sees it all", async ({ page, passenger, browser, baseURL }) => {
  test.setTimeout(120_000);
  // A train far enough ahead that no other story books it: the last Gdańsk -> Kraków one in 19 days.
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const services = (await (await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(19)}`)).json()).services as { serviceId: string; trainNumber: string }[];
  const service = services.at(-1)!;
  expect(service, "a train runs that day").toBeTruthy();

  // The passenger books and pays through the API, with the browser's session cookie.
  const held = await page.request.post("/api/v1/bookings", {
    headers: { "Idempotency-Key": randomUUID() },
    data: { serviceId: service.serviceId, from, to, class: "SECOND", passengers: [{ name: passenger.name, age: 34 }] },
  });
  expect(held.status(), await held.text()).toBe(201);
  const { pnr } = (await held.json()) as { pnr: string };
  const paid = await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "Idempotency-Key": randomUUID() }, data: { cardNumber: "4242424242424242" } });
  expect(paid.status(), await paid.text()).toBe(200);

  // The operator, in a browser of their own.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN);
  await admin.goto("/admin/bookings");
  await admin.getByLabel("Reference, e-mail or name").fill(pnr.toLowerCase());
  await admin.getByRole("button", { name: "Find bookings" }).click();
  await admin.getByRole("link", { name: pnr }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Booking ${pnr}`);
  await expect(admin.getByText(passenger.email).first()).toBeVisible();
  const history = admin.getByRole("region", { name: "Event history" });
  await expect(history.locator("[data-event=HELD]")).toContainText(`Passenger: ${passenger.name}`);
  await expect(history.locator("[data-event=CONFIRMED]")).toContainText("Paid");

  // Today's numbers include the booking.
  await admin.goto("/admin/analytics?days=7");
  await expect(admin.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(admin.getByRole("link", { name: "By booking date" })).toHaveAttribute("aria-current", "page");
  expect(Number((await admin.getByTestId("total-bookings").textContent())!.replace(/\D/g, ""))).toBeGreaterThan(0);
  const chart = admin.getByRole("region", { name: "Bookings and revenue per day" });
  await chart.getByText("Show the numbers as a table").click();
  const today = chart.getByRole("row", { name: new RegExp(`^${daysFromNowInWarsaw(0)}\\b`) });
  const [bookings, revenue] = await today.getByRole("cell").allTextContents();
  expect(Number(bookings)).toBeGreaterThan(0);
  expect(Number(revenue!.replace(/[^\d,]/g, "").replace(",", "."))).toBeGreaterThan(0);
  await expect(admin.getByRole("heading", { name: "Occupancy per train and class" })).toBeVisible();

  // A delay first, then the cancellation, from the service's page.
  await admin.goto(`/admin/services/${service.serviceId}`);
  await admin.getByRole("link", { name: "Delay, platform or cancel" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(`Schedule: ${service.trainNumber}`);
  await admin.getByLabel("Minutes late").fill("20");
  await admin.getByLabel("Reason (passengers see it)").first().fill("Signal failure");
  await admin.getByRole("button", { name: "Announce delay" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "A delay of 20 min is announced." })).toBeVisible();
  await expect(admin.getByTestId("service-status")).toContainText("Delayed by 20 min");

  const cancel = admin.getByRole("form", { name: "Cancel this train" });
  await cancel.getByRole("button", { name: "Cancel train and refund everyone" }).click();
  await expect(cancel.getByLabel("Reason (passengers see it)")).toHaveAttribute("aria-invalid", "true");
  await cancel.getByLabel("Reason (passengers see it)").fill("Storm damage to the overhead line");
  await cancel.getByLabel("I understand every booking is cancelled and refunded in full").check();
  await cancel.getByRole("button", { name: "Cancel train and refund everyone" }).click();
  await expect(admin.getByText("This train is cancelled and every booking on it has been cancelled and refunded.")).toBeVisible();
  await expect(admin.getByTestId("service-status")).toContainText("Cancelled");
  await expect(admin.getByRole("region", { name: "Changes so far" }).getByRole("row")).toHaveCount(3);

  // The operator's view of the booking: cancelled, refunded in full by them.
  await admin.goto(`/admin/bookings/${pnr}`);
  await expect(admin.locator("[data-status]").first()).toHaveAttribute("data-status", "CANCELLED");
  await expect(admin.locator("[data-refund]")).toContainText(`service cancelled · by ${DEMO_ADMIN.name}`);

  // The passenger's booking page.
  await page.goto(`/bookings/${pnr}`);
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "CANCELLED");
  const updates = page.getByRole("region", { name: "Service updates" });
  await expect(updates.getByText("This train is cancelled.")).toBeVisible();
  await expect(updates.locator("[data-update=REFUND]")).toContainText("because the train was cancelled");
  await expect(updates.locator("[data-update=CANCELLED]")).toContainText("Storm damage to the overhead line");
  await expect(updates.locator("[data-update=DELAY]")).toContainText("about 20 minutes late");
  await page.goto("/notifications");
  await expect(page.getByText(`${service.trainNumber} on`).first()).toBeVisible();
  await adminContext.close();
});

test("a passenger gets 403 from every operator page and every operator API", async ({ page, passenger }) => {
  expect(passenger.email).toContain("@");
  for (const url of ADMIN_PAGES) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  const routes = adminApiRoutes();
  expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(["GET /api/v1/admin/bookings", "POST /api/v1/admin/schedule-changes", "PUT /api/v1/admin/users/x/role"]));
  for (const { method, url } of routes) {
    const response = await page.request.fetch(url, { method, data: method === "GET" ? undefined : {} });
    expect(response.status(), `${method} ${url}`).toBe(403);
    expect((await response.json()).error.code, `${method} ${url}`).toBe("FORBIDDEN");
  }
});

test("a visitor who is not signed in is sent to sign in from every operator page", async ({ page }) => {
  for (const url of ADMIN_PAGES) {
    await page.goto(url);
    // Back to the operator area after signing in (the layout's own check may answer first, with /admin).
    await expect(page, url).toHaveURL(/\/signin\?callbackUrl=%2Fadmin(%2F[\w-]+)?$/);
  }
  const response = await page.request.get("/api/v1/admin/analytics");
  expect(response.status()).toBe(401);
});

test("an operator can look up bookings and read the dashboard's numbers on a phone @phone", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  for (const url of ["/admin/bookings", "/admin/analytics?days=30", "/admin/analytics?basis=travel&next=30", "/admin/users"]) {
    await page.goto(url);
    // Wide tables scroll inside their own region; the page itself never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(1);
  }
  // Today's trains are in the last 30 days, so occupancy has rows even before anyone books.
  const occupancy = page.getByRole("region", { name: "Occupancy per train and class" });
  await page.goto("/admin/analytics?basis=travel&days=30");
  await occupancy.getByText("Show the numbers as a table").click();
  await expect(occupancy.getByRole("columnheader", { name: "Seat-km offered" })).toBeVisible();
  await page.goto("/admin/bookings");
  await page.getByLabel("Reference, e-mail or name").fill("passenger@railbook.test");
  await page.getByRole("button", { name: "Find bookings" }).click();
  await expect(page.getByRole("heading", { name: "Matching bookings" })).toBeVisible();
});
