// The waiting list in a real browser: first class of a train is filled through the API; a passenger
// finds it sold out, joins the waiting list from the booking form, pays for the place and watches
// their booking page; someone else cancels through the API, and the page turns into a confirmed
// booking with a seat, without a reload.
import type { APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, newAccount, test } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

// IC 14103 "Hańcza" (one first-class coach of 42 seats), Białystok to Suwałki. A day of its own,
// picked at random, so runs against a reused server rarely meet an earlier run's waiting list.
const [FROM, TO, CLASS] = ["BIA", "SUW", "FIRST"];

async function apiClient(request: APIRequestContext) {
  const account = newAccount();
  expect((await request.post("/api/v1/auth/register", { data: account })).status()).toBe(201);
  const token = await request.post("/api/v1/auth/token", { data: { email: account.email, password: account.password } });
  expect(token.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await token.json()).token}` };
  const post = (path: string, data: unknown) => request.post(path, { data, headers: { ...headers, "idempotency-key": randomUUID() } });
  return { post };
}

test("a passenger joins the waiting list, pays, and sees the promotion when someone cancels", async ({ page, passenger, request }) => {
  test.slow(); // filling a coach through the API on a busy two-core machine
  expect(passenger.email).toContain("@");
  const date = daysFromNowInWarsaw(4 + Math.floor(Math.random() * 14));
  const search = await (await request.get(`/api/v1/search?from=${FROM}&to=${TO}&date=${date}`)).json();
  const service = (search.services as { serviceId: string; trainNumber: string }[]).find((s) => s.trainNumber === "IC 14103");
  expect(service, "IC 14103 runs that day").toBeTruthy();

  // Someone books every first-class seat from Białystok to Suwałki, six at a time, and pays.
  const filler = await apiClient(request);
  const booked: string[] = [];
  for (const party of [6, 1]) {
    for (;;) {
      const passengers = Array.from({ length: party }, (_, i) => ({ name: `Wypełniacz ${i + 1}`, age: 40 }));
      const res = await filler.post("/api/v1/bookings", { serviceId: service!.serviceId, from: FROM, to: TO, class: CLASS, passengers });
      if (res.status() === 409) break;
      expect(res.status(), await res.text()).toBe(201);
      const { pnr } = await res.json();
      expect((await filler.post(`/api/v1/bookings/${pnr}/payment`, { cardNumber: "4242424242424242" })).status()).toBe(200);
      if (party === 6) booked.push(pnr);
    }
  }
  expect(booked.length).toBeGreaterThan(0);

  // The passenger finds the class sold out and joins the waiting list from the booking form.
  await page.goto(`/services/${service!.serviceId}?from=${FROM}&to=${TO}&passengers=1&class=${CLASS}`);
  const join = page.getByRole("button", { name: /^Join the waitlist \(position \d+\)$/ });
  await expect(join).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("waitlist-offer")).toContainText("This class is sold out for 1 passenger.");
  await page.getByLabel("Full name").fill("Łucja Czekająca");
  await page.getByLabel("Age").fill("34");
  await join.click();

  // It is paid up front, through the usual checkout.
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]{10}\/pay$/);
  const pnr = page.url().match(/bookings\/([A-Z0-9]{10})\/pay/)![1]!;
  await expect(page.getByText("Your place on the waiting list is kept for you.")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();

  // The booking page: on the waiting list, with the place in the queue.
  await expect(page).toHaveURL(new RegExp(`/bookings/${pnr}$`));
  await expect(page.locator("[data-status]")).toHaveText("Waiting list");
  await expect(page.getByTestId("waitlist-status")).toContainText(/You are \d+(st|nd|rd|th) on the waiting list\./);
  await expect(page.getByRole("table")).toContainText("On the waiting list");
  // Marks this page load: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

  // Someone else cancels six seats; the waiting passenger's page turns into a confirmed booking.
  const cancelled = await filler.post(`/api/v1/bookings/${booked[0]}/cancel`, {});
  expect(cancelled.status(), await cancelled.text()).toBe(200);
  await expect(page.locator("[data-status]")).toHaveText("Confirmed", { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Your e-ticket" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText(/Coach 1, seat \d+/);
  await expect(page.getByRole("img", { name: `QR code of the signed ticket for booking ${pnr}` })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
});
