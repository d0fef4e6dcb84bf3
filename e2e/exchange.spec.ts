// After buying: one of two passengers drops out (their refund shown before confirming), then the
// booking is changed to another day in first class, with the fare difference shown and paid by
// card. Same PNR throughout; the page says the earlier ticket is void.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";
import { formatMoney } from "@/lib/money";

test("a passenger cancels one traveller, then changes the booking to first class on another day, paying the difference", async ({ page, passenger }) => {
  test.setTimeout(90_000);
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Warszawa Centralna")];
  const days = 18;
  const search = async (d: number) =>
    (await (await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(d)}`)).json()).services as {
      serviceId: string;
      trainNumber: string;
      classes: { class: string; available: number }[];
    }[];
  const [train] = await search(days);
  expect(train, "a train runs Gdańsk -> Warszawa that day").toBeTruthy();
  const held = await page.request.post("/api/v1/bookings", {
    headers: { "Idempotency-Key": randomUUID() },
    data: { serviceId: train!.serviceId, from, to, class: "SECOND", passengers: [{ name: passenger.name, age: 34 }, { name: "Olek Nowak", age: 36 }] },
  });
  expect(held.status(), await held.text()).toBe(201);
  const { pnr } = (await held.json()) as { pnr: string };
  expect((await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "Idempotency-Key": randomUUID() }, data: { cardNumber: "4242424242424242" } })).status()).toBe(200);

  // One traveller drops out: the refund is shown before anything happens.
  await page.goto(`/bookings/${pnr}`);
  const quote = (await (await page.request.get(`/api/v1/bookings/${pnr}/passengers/2/cancel`)).json()) as { refund: { amount: number; currency: string } };
  await page.getByRole("button", { name: "Cancel Olek Nowak only" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel Olek Nowak only?" });
  await expect(dialog.getByTestId("refund-quote")).toHaveText(`Refund: ${formatMoney(quote.refund.amount, quote.refund.currency)}`);
  await dialog.getByRole("button", { name: "Yes, cancel Olek Nowak" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Olek Nowak cancelled." })).toBeVisible();
  await expect(page.locator('[data-passenger-row="2"]')).toContainText("Cancelled");
  await expect(page.getByRole("button", { name: `Cancel ${passenger.name} only` })).toHaveCount(0);

  // Then the rest of the booking moves to first class, two days later.
  await page.getByRole("link", { name: "Change journey" }).click();
  await expect(page.getByRole("heading", { name: "Change your journey" })).toBeVisible();
  await page.getByLabel("Date").fill(daysFromNowInWarsaw(days + 2));
  await page.getByRole("button", { name: "Show trains" }).click();
  const [later] = await search(days + 2);
  const price = (await (
    await page.request.get(`/api/v1/bookings/${pnr}/exchange?${new URLSearchParams({ serviceId: later!.serviceId, from, to, class: "FIRST" })}`)
  ).json()) as { cardNeeded: boolean; price: { difference: { amount: number; currency: string } } };
  expect(price.cardNeeded).toBe(true);
  expect(price.price.difference.amount).toBeGreaterThan(0);

  await page.getByRole("radio", { name: /^First class/ }).first().check();
  await expect(page.getByTestId("exchange-difference")).toHaveText(formatMoney(price.price.difference.amount, price.price.difference.currency));
  await expect(page.getByText("To pay now")).toBeVisible();
  // Without a card it says what is missing, next to the field, and nothing changes.
  await page.getByRole("button", { name: "Confirm the change" }).click();
  await expect(page.getByText("Enter the 12 to 19 digits of the card number.")).toBeVisible();
  await page.getByLabel(/Card number/).fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Confirm the change" }).click();

  await expect(page).toHaveURL(new RegExp(`/bookings/${pnr}\\?changed=1$`));
  await expect(page.getByRole("status").filter({ hasText: "Your journey is changed." })).toBeVisible();
  await expect(page.getByTestId("pnr")).toHaveText(pnr);
  const booking = (await (await page.request.get(`/api/v1/bookings/${pnr}`)).json()) as { serviceId: string; class: string; status: string; passengers: { status: string }[] };
  expect(booking).toMatchObject({ serviceId: later!.serviceId, class: "FIRST", status: "CONFIRMED" });
  expect(booking.passengers.map((p) => p.status)).toEqual(["CONFIRMED", "CANCELLED"]);
});
