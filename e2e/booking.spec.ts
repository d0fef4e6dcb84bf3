// The passenger journey in a real browser: search, seat map (mouse and keyboard), hold with its
// countdown, a declined card then a good one, the e-ticket with QR and PDF, my bookings, and a
// cancellation that shows the refund before confirming. A second passenger watches the same seat
// map and sees the seats go without reloading, and cannot open the first passenger's ticket.
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, newAccount, signIn, test } from "./fixtures";

function daysFromNowInWarsaw(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(new Date(Date.now() + days * 86_400_000));
}

/** A second person in their own browser context, registered and signed in. */
async function anotherPassenger(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const account = newAccount();
  expect((await page.request.post("/api/v1/auth/register", { data: account })).status()).toBe(201);
  await signIn(page, account);
  return page;
}

async function searchAndChooseSeats(page: Page, passengers: number, daysAhead: number): Promise<void> {
  await page.goto("/");
  await page.getByRole("combobox", { name: "From" }).fill("Gdańsk Gł");
  await page.getByRole("option", { name: /Gdańsk Główny/ }).click();
  await page.getByRole("combobox", { name: "To" }).fill("Kraków Gł");
  await page.getByRole("option", { name: /Kraków Główny/ }).click();
  await page.getByLabel("Date").fill(daysFromNowInWarsaw(daysAhead));
  await page.getByLabel("Passengers").selectOption(String(passengers));
  await page.getByRole("button", { name: "Search trains" }).click();
  await page.getByRole("link", { name: /^Choose seats in Second class/ }).first().click();
  await expect(page.getByRole("heading", { name: "Choose your seats" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /Second class/ })).toHaveAttribute("aria-selected", "true");
}

const freeSeats = (page: Page) => page.getByRole("button", { name: /^Coach \w+, seat \d+, \w+, free$/ });
/**
 * One of the first free seats of the coach on screen, picked at random: other tests (or a parallel
 * run) booking the same train then rarely want the same seat, which the app would rightly refuse.
 */
const someFreeSeat = (page: Page) => freeSeats(page).nth(Math.floor(Math.random() * 24));
/** "Coach 3, seat 1, window" from "Coach 3, seat 1, window, free". */
const placeOf = async (seat: Locator) => (await seat.getAttribute("aria-label"))!.replace(/, (free|selected|taken)$/, "");
const seatNamed = (page: Page, place: string, state: string) => page.getByRole("button", { name: `${place}, ${state}`, exact: true });

test("a passenger books two seats, pays after a declined card, gets an e-ticket and cancels it", async ({ page, passenger, browser, baseURL }) => {
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
  await expect(page.getByRole("img", { name: `QR code of booking ${pnr}` })).toBeVisible();
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
  await page.route("**/api/v1/services/*/seats?*", (route) => route.abort());
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
  await page.unroute("**/api/v1/services/*/seats?*");
  await expect(seatNamed(page, place, "taken")).toBeVisible();
  await other.context().close();
});

test("missing passenger details are explained next to each field", async ({ page, passenger }) => {
  expect(passenger.email).toBeTruthy();
  await searchAndChooseSeats(page, 2, 5);
  await page.getByLabel("Choose seats for me").check();
  await page.getByLabel("Full name").nth(1).fill("Maria Wiśniewska");
  await page.getByRole("button", { name: "Hold seats and continue to payment" }).click();
  const name = page.getByLabel("Full name").nth(0);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription("Enter the passenger's name.");
  await expect(page.getByLabel("Age").nth(1)).toHaveAccessibleDescription("Enter the passenger's age.");
  await expect(page.getByLabel("Full name").nth(1)).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/services\//);
});

test("a night-train berth is chosen for the passenger by preference", async ({ page, passenger }) => {
  expect(passenger.email).toBeTruthy();
  await page.goto(await nightTrainSeatMap(page, 6));
  await expect(page.getByRole("tab", { name: /Sleeper/ })).toHaveAttribute("aria-selected", "true");
  const berths = page.getByRole("button", { name: /^Coach \w+, berth \d+, (lower|middle|upper|side lower|side upper), free$/ });
  await expect(berths.first()).toBeVisible();

  // Keyboard: Down moves from an upper berth to the middle one beneath it in the same bay.
  await page.getByRole("button", { name: /^Coach \w+, berth \d+, upper, free$/ }).first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", /, middle, /);

  await page.getByLabel("Choose seats for me").check();
  await page.getByLabel("Full name").fill("Zofia Górska");
  await page.getByLabel("Age").fill("67");
  await page.getByLabel("Preference", { exact: true }).selectOption("LOWER");
  await page.getByRole("button", { name: "Hold seats and continue to payment" }).click();
  await expect(page).toHaveURL(/\/pay$/);
  await expect(page.getByRole("table")).toContainText(/Coach \w+, berth \d+, lower/);
});

/** The seat map of the night train with sleepers (TLK 53170 Giewont) from Gdańsk to Kraków, days ahead. */
async function nightTrainSeatMap(page: Page, daysAhead: number): Promise<string> {
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const search = await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(daysAhead)}`);
  const services = (await search.json()).services as { serviceId: string; classes: { class: string }[] }[];
  const night = services.find((s) => s.classes.some((c) => c.class === "SLEEPER"));
  expect(night, "a train with sleepers runs that day").toBeTruthy();
  return `/services/${night!.serviceId}?from=${from}&to=${to}&passengers=1&class=SLEEPER`;
}

test("the seat map works on a phone: the coach scrolls, the page does not @phone", async ({ page, passenger }) => {
  expect(passenger.email).toBeTruthy();
  // A 390 px wide phone in both projects, so the desktop run checks the narrow layout too.
  await page.setViewportSize({ width: 390, height: 844 });
  await searchAndChooseSeats(page, 1, 7);
  const seat = freeSeats(page).first();
  await expect(seat).toBeVisible();
  const box = (await seat.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  const pageOverflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(pageOverflows).toBe(false);
  const coachScrolls = await page.locator("[data-coach]").first().evaluate((el) => el.parentElement!.scrollWidth > el.parentElement!.clientWidth);
  expect(coachScrolls).toBe(true);
  await seat.click();
  await expect(page.locator("[data-seat-for='1']")).toHaveText(/^Coach \w+, seat \d+/);
  await page.screenshot({ path: test.info().outputPath("seat-map-phone.png"), fullPage: true });
});
