// The passenger journey in a real browser: search, seat map (mouse and keyboard), hold with its
// countdown, a declined card then a good one, the e-ticket with QR and PDF, my bookings, and a
// cancellation that shows the refund before confirming. A second passenger watches the same seat
// map and sees the seats go without reloading, and cannot open the first passenger's ticket.
import { expect, test } from "./fixtures";
import { anotherPassenger, daysFromNowInWarsaw, placeOf, searchAndChooseSeats, seatNamed, someFreeSeat } from "./booking-steps";

test("a passenger books two seats, pays after a declined card, gets an e-ticket and cancels it", async ({ page, passenger, browser, baseURL }) => {
  test.slow(); // the whole journey in two browsers: allow for a busy two-core machine
  expect(passenger.email).toContain("@");
  await searchAndChooseSeats(page, 2, 3);
  const seatMapUrl = page.url();

  // First seat by mouse.
  const first = someFreeSeat(page);
  const firstPlace = await placeOf(first);
  await first.click();
  await expect(seatNamed(page, firstPlace, "selected")).toHaveAttribute("aria-pressed", "true");

  // Second seat by keyboard: arrow along the row to the next free seat, then Space.
  await seatNamed(page, firstPlace, "selected").focus();
  let focused = page.locator(":focus");
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press("ArrowRight");
    focused = page.locator(":focus");
    if ((await focused.getAttribute("aria-label"))?.endsWith(", free")) break;
  }
  const secondPlace = await placeOf(focused);
  expect(secondPlace).not.toBe(firstPlace);
  await page.keyboard.press("Space");
  await expect(seatNamed(page, secondPlace, "selected")).toBeFocused();

  // Someone else has the same seat map open and has picked the same first seat.
  const other = await anotherPassenger(browser, baseURL!);
  await other.goto(seatMapUrl);
  await seatNamed(other, firstPlace, "free").click();
  await expect(seatNamed(other, firstPlace, "selected")).toBeVisible();

  await page.getByLabel("Full name").nth(0).fill("Łucja Żółkiewska");
  await page.getByLabel("Age").nth(0).fill("34");
  await page.getByLabel("Full name").nth(1).fill("Jan Kowalski");
  await page.getByLabel("Age").nth(1).fill("9");
  await expect(page.locator("[data-seat-for='1']")).toHaveText(firstPlace);
  await expect(page.locator("[data-seat-for='2']")).toHaveText(secondPlace);
  await page.getByRole("button", { name: "Hold seats and continue to payment" }).click();

  // The hold: a checkout with a running countdown and both seats on it.
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]{10}\/pay$/);
  const pnr = page.url().match(/bookings\/([A-Z0-9]{10})\/pay/)![1]!;
  const countdown = page.getByRole("timer", { name: "Time left to pay" });
  await expect(countdown).toHaveText(/^\d{1,2}:\d{2}$/);
  const shown = await countdown.textContent();
  await expect(countdown).not.toHaveText(shown!, { timeout: 5_000 });
  const summary = page.getByRole("table");
  await expect(summary).toContainText("Łucja Żółkiewska");
  await expect(summary).toContainText(firstPlace.replace(/, \w+$/, ""));

  // Without reloading, the other passenger sees both seats go, and their pick dropped with a message.
  await expect(seatNamed(other, firstPlace, "taken")).toBeVisible({ timeout: 10_000 });
  await expect(seatNamed(other, secondPlace, "taken")).toBeVisible();
  await expect(other.getByRole("status").filter({ hasText: "just taken by someone else" })).toContainText(firstPlace);

  // A declined card: a clear message, and the hold stays.
  const card = page.getByLabel("Card number");
  await card.fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  const declined = page.getByRole("alert").filter({ hasText: "declined" });
  await expect(declined).toContainText("Your seats are still held");
  await expect(countdown).toBeVisible();

  // The test card that succeeds: the e-ticket.
  await card.fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${pnr}$`));
  await expect(page.getByRole("heading", { name: "Your e-ticket" })).toBeVisible();
  await expect(page.getByTestId("pnr")).toHaveText(pnr);
  await expect(page.locator("[data-status]")).toHaveText("Confirmed");
  await expect(page.getByRole("img", { name: `QR code of the signed ticket for booking ${pnr}` })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`railbook-${pnr}.pdf`);
  const bytes = await (await pdf.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");

  // Another person cannot open this ticket, nor its PDF: 404, as for a reference that does not exist.
  const stranger = await other.goto(`/bookings/${pnr}`);
  expect(stranger?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "We could not find that booking" })).toBeVisible();
  expect((await other.request.get(`/bookings/${pnr}/ticket.pdf`)).status()).toBe(404);

  // My bookings lists it under Upcoming.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My bookings" }).click();
  const upcoming = page.getByRole("region", { name: /Upcoming/ });
  const row = upcoming.getByRole("link", { name: new RegExp(`booking ${pnr}`) });
  await expect(row).toContainText("Confirmed");
  await row.click();

  // Cancel: the refund is shown before confirming, then the booking is cancelled.
  await page.getByRole("button", { name: "Cancel booking" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel booking ${pnr}?` });
  await expect(dialog.getByTestId("refund-quote")).toHaveText(/Refund: [\d\s,.]+zł/);
  const refund = (await dialog.getByTestId("refund-quote").textContent())!.replace("Refund: ", "");
  await dialog.getByRole("button", { name: "Yes, cancel booking" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Booking cancelled." })).toContainText(refund);
  await expect(page.locator("[data-status]")).toHaveText("Cancelled");
  await page.getByRole("link", { name: "All my bookings" }).click();
  await expect(page.getByRole("region", { name: /Past and cancelled/ }).getByRole("link", { name: new RegExp(`booking ${pnr}`) })).toContainText("Cancelled");
  await other.context().close();
});

test("a seat taken while the map was not refreshing is named, dropped and shown taken", async ({ page, passenger, browser, baseURL }) => {
  expect(passenger.name).toBeTruthy();
  await searchAndChooseSeats(page, 1, 4);
  const seat = someFreeSeat(page);
  const place = await placeOf(seat);
  const seatId = (await seat.getAttribute("data-seat-id"))!;
  await seat.click();
  await page.getByLabel("Full name").fill("Anna Nowak");
  await page.getByLabel("Age").fill("41");

  // Freeze this page's view of availability, then let someone else book that very seat.
  await page.route("**/api/v1/services/*/availability?*", (route) => route.abort());
  const other = await anotherPassenger(browser, baseURL!);
  const url = new URL(page.url());
  const held = await other.request.post("/api/v1/bookings", {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: {
      serviceId: url.pathname.split("/").at(-1),
      from: url.searchParams.get("from"),
      to: url.searchParams.get("to"),
      class: "SECOND",
      passengers: [{ name: "Piotr Zieliński", age: 30, seatId }],
    },
  });
  expect(held.status(), await held.text()).toBe(201);

  await page.getByRole("button", { name: "Hold seats and continue to payment" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "just taken by someone else" });
  await expect(alert).toContainText(place);
  await expect(page).toHaveURL(/\/services\//);
  await expect(page.locator("[data-seat-for='1']")).toHaveText("Pick one on the map");
  await page.unroute("**/api/v1/services/*/availability?*");
  await expect(seatNamed(page, place, "taken")).toBeVisible();
  await other.context().close();
});

test("when the hold runs out the checkout says so and offers the same search again", async ({ page, passenger }) => {
  expect(passenger.email).toBeTruthy();
  // The browser's clock is faked so ten minutes can pass at once; the server keeps real time.
  await page.clock.install();
  await searchAndChooseSeats(page, 1, 8);
  await page.getByLabel("Choose seats for me").check();
  await page.getByLabel("Full name").fill("Tomasz Lis");
  await page.getByLabel("Age").fill("52");
  await page.getByRole("button", { name: "Hold seats and continue to payment" }).click();
  await expect(page).toHaveURL(/\/pay$/);
  await expect(page.getByRole("timer", { name: "Time left to pay" })).toHaveText(/^(10:00|9:\d\d)$/);

  await page.clock.fastForward("10:05");
  const expired = page.getByRole("alert").filter({ hasText: "Your seat hold has run out." });
  await expect(expired).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  await expired.getByRole("link", { name: "Search again" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?from=\\w+&to=\\w+&date=${daysFromNowInWarsaw(8)}&passengers=1`));
  await expect(page.getByRole("article").first()).toBeVisible();
});
