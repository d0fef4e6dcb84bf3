// Live updates in real browsers: two people look at the same seat map; when one books a seat the
// other's map shows it taken within two seconds, with no reload and no fast polling (while the
// service's stream is up the map polls only once a minute, so only the stream can be this quick).
// And the header bell counts a new notice the moment it is written.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { anotherPassenger, daysFromNowInWarsaw, placeOf, searchAndChooseSeats, seatNamed, someFreeSeat } from "./booking-steps";

/** Opens `url` and waits until its live stream for the service has answered 200 (text/event-stream). */
async function openWithServiceStream(page: Page, url: string): Promise<void> {
  const stream = page.waitForResponse((r) => r.url().includes("/api/v1/live/services/"));
  await page.goto(url);
  const response = await stream;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/event-stream");
}

/** The seat id behind a place's label, from the same seat map API the page uses. */
async function seatIdOf(page: Page, url: URL, place: string): Promise<string> {
  const serviceId = url.pathname.split("/").pop()!;
  const res = await page.request.get(`/api/v1/services/${serviceId}/seats?from=${url.searchParams.get("from")}&to=${url.searchParams.get("to")}`);
  const map = (await res.json()) as { coaches: { coach: string; seats: { seatId: string; number: number }[] }[] };
  const [, coach, number] = /^Coach (\w+), seat (\d+)/.exec(place)!;
  return map.coaches.find((c) => c.coach === coach)!.seats.find((s) => s.number === Number(number))!.seatId;
}

test("a seat booked in one browser turns taken in another within two seconds, without a reload", async ({ page, passenger, browser, baseURL }) => {
  expect(passenger.email).toBeTruthy();
  await searchAndChooseSeats(page, 1, 11);
  const url = new URL(page.url());
  const other = await anotherPassenger(browser, baseURL!);
  await openWithServiceStream(other, url.pathname + url.search);
  await expect(someFreeSeat(other)).toBeVisible();
  const latencies: number[] = [];

  for (let round = 0; round < 3; round++) {
    const place = await placeOf(someFreeSeat(other));
    await expect(seatNamed(other, place, "free")).toBeVisible();
    const seatId = await seatIdOf(page, url, place);
    const held = await page.request.post("/api/v1/bookings", {
      headers: { "idempotency-key": randomUUID() },
      data: {
        serviceId: url.pathname.split("/").pop(),
        from: url.searchParams.get("from"),
        to: url.searchParams.get("to"),
        class: "SECOND",
        passengers: [{ name: "Anna Kowalska", age: 34, seatId }],
      },
    });
    expect(held.status(), await held.text()).toBe(201);
    const returned = Date.now();
    // Measured on every animation frame; asserted with Playwright's 2 s budget.
    await other.waitForFunction((label) => Boolean(document.querySelector(`[aria-label="${label}"]`)), `${place}, taken`, { polling: "raf", timeout: 2_000 });
    latencies.push(Date.now() - returned);
    await expect(seatNamed(other, place, "taken")).toBeVisible({ timeout: 2_000 });
  }
  test.info().annotations.push({ type: "latency", description: `booking API returned -> other browser shows seat taken: ${latencies.join(", ")} ms` });
  console.log(`live seat map: booking API returned -> seat shown taken in the other browser: ${latencies.join(", ")} ms`);
  await other.context().close();
});

test("the bell counts a new notice as soon as it is written", async ({ page, passenger }) => {
  expect(passenger.email).toBeTruthy();
  const stream = page.waitForResponse((r) => r.url().includes("/api/v1/live/me"));
  await page.goto("/");
  expect((await stream).status()).toBe(200);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await expect(bell).toHaveAttribute("data-live", "on");

  // Hold seats and pay, through the API, behind the page's back: the page itself does nothing.
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const services = (await (await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(12)}`)).json()).services as { serviceId: string }[];
  const held = await page.request.post("/api/v1/bookings", {
    headers: { "idempotency-key": randomUUID() },
    data: { serviceId: services[0]!.serviceId, from, to, class: "SECOND", passengers: [{ name: "Jan Nowak", age: 40 }] },
  });
  expect(held.status(), await held.text()).toBe(201);
  const { pnr } = (await held.json()) as { pnr: string };

  const declined = await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "idempotency-key": randomUUID() }, data: { cardNumber: "4000000000000002" } });
  expect(declined.status()).toBe(402);
  let returned = Date.now();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 2_000 });
  const first = Date.now() - returned;

  const paid = await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "idempotency-key": randomUUID() }, data: { cardNumber: "4242424242424242" } });
  expect(paid.status(), await paid.text()).toBe(200);
  returned = Date.now();
  await expect(page.getByTestId("unread-count")).toHaveText("2", { timeout: 2_000 });
  console.log(`live bell: payment API returned -> bell updated: ${first} ms, ${Date.now() - returned} ms`);

  // Reading them on the notifications page clears the count there and in the header.
  await bell.click();
  await page.waitForURL("**/notifications");
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expect(page.getByTestId("notice")).toHaveCount(2);
  await expect(page.getByTestId("notice").first()).toContainText(`Booking ${pnr} confirmed`);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByTestId("unread-summary")).toHaveText("You are all caught up.");
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
});
