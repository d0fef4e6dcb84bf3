// A conductor with a phone checks a passenger's signed ticket: the QR code is taken from the
// passenger's ticket page and read by the /check page's own decoder, verified, and marked checked;
// checked again it says by whom; on another train it is refused; with no connection the phone
// still verifies it and sends the check once it is back online.
import { randomUUID } from "node:crypto";
import { devices, type Page } from "@playwright/test";
import { DEMO_CONDUCTOR, expect, signIn, test } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

async function gdanskKrakowServices(page: Page, days: number) {
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const services = (await (await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(days)}`)).json()).services as { serviceId: string; trainNumber: string }[];
  expect(services.length, "two trains run that day").toBeGreaterThanOrEqual(2);
  return { from, to, services };
}

test("a conductor on a phone checks a passenger's ticket, sees the first check, refuses it on another train, and checks offline", async ({ page, passenger, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const days = 15;
  const { from, to, services } = await gdanskKrakowServices(page, days);
  const [mine, other] = services;
  const held = await page.request.post("/api/v1/bookings", {
    headers: { "Idempotency-Key": randomUUID() },
    data: { serviceId: mine!.serviceId, from, to, class: "SECOND", passengers: [{ name: passenger.name, age: 34 }] },
  });
  expect(held.status(), await held.text()).toBe(201);
  const { pnr } = (await held.json()) as { pnr: string };
  expect((await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "Idempotency-Key": randomUUID() }, data: { cardNumber: "4242424242424242" } })).status()).toBe(200);

  // The passenger's ticket page on their own phone, and a picture of its code (what the conductor's camera sees).
  const passengerPhone = await browser.newContext({ ...devices["Pixel 7"], baseURL, storageState: await page.context().storageState() });
  const ticketPage = await passengerPhone.newPage();
  await ticketPage.goto(`/bookings/${pnr}`);
  const qr = ticketPage.getByTestId("ticket-qr");
  await expect(qr.getByRole("img", { name: `QR code of the signed ticket for booking ${pnr}` })).toBeVisible();
  // The page re-renders on live updates (a fresh signature each time), so the code is copied out
  // once and photographed on a still page of its own, as large as the ticket page shows it.
  // Whole pixels per module (6), as a camera held square to the screen sees it.
  // Three photos, each of a freshly rendered (freshly signed) code: a conductor whose scan fails
  // takes another, as the page asks; the test fails if none of them reads.
  const photos: string[] = [];
  const still = await passengerPhone.newPage();
  for (let i = 0; i < 3; i++) {
    if (i > 0) await ticketPage.reload();
    await expect(qr.getByRole("img", { name: `QR code of the signed ticket for booking ${pnr}` })).toBeVisible();
    const svg = await qr.innerHTML();
    const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
    expect(modules).toBeGreaterThan(20);
    await still.setContent(`<body style="margin:0;background:#fff"><div id="code" style="width:${modules * 6}px">${svg}</div></body>`);
    photos.push(testInfo.outputPath(`ticket-qr-${i}.png`));
    await still.locator("#code").screenshot({ path: photos[i], scale: "css" });
  }
  await passengerPhone.close();

  // The conductor, on a phone.
  const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL });
  const conductor = await phone.newPage();
  await signIn(conductor, DEMO_CONDUCTOR);
  await conductor.getByRole("link", { name: "Check tickets" }).click();
  await expect(conductor.getByRole("heading", { name: "Check tickets" })).toBeVisible();
  await conductor.getByLabel("Date").fill(daysFromNowInWarsaw(days));
  await conductor.getByRole("button", { name: "Show trains and choose" }).click();
  await conductor.getByLabel("Train you are on").selectOption(mine!.serviceId);
  await conductor.getByRole("button", { name: "Show trains and choose" }).click();
  await expect(conductor.getByText("Ticket keys loaded")).toBeVisible();

  const result = conductor.getByRole("region", { name: "Check result" });
  const unread = conductor.getByRole("alert").filter({ hasText: "No ticket code could be read from that photo" });
  let photo = photos[0]!;
  for (const taken of photos) {
    photo = taken;
    await conductor.getByLabel("Scan a photo").setInputFiles(photo);
    await expect(result.getByTestId("check-outcome").or(unread)).toBeVisible();
    if (await result.getByTestId("check-outcome").isVisible()) break;
  }
  await expect(result.getByTestId("check-outcome")).toHaveText("Valid ticket");
  await expect(result).toContainText("Valid ticket: checked.");
  await expect(result.getByRole("list", { name: "Passengers and seats" })).toContainText(passenger.name);
  await expect(result.getByRole("list", { name: "Passengers and seats" })).toContainText(/Coach \w+, seat \d+/);

  // Again on the same train: valid, and who checked it first.
  await conductor.getByRole("textbox", { name: "Booking reference" }).fill(pnr.toLowerCase());
  await conductor.getByRole("button", { name: "Check", exact: true }).click();
  await expect(result.getByTestId("check-outcome")).toHaveText("Already checked");
  await expect(result).toContainText(`by ${DEMO_CONDUCTOR.name}`);

  // On another train the same code is refused.
  await conductor.goto(`/check?date=${daysFromNowInWarsaw(days)}&service=${other!.serviceId}`);
  await expect(conductor.getByText("Ticket keys loaded")).toBeVisible();
  await conductor.getByLabel("Scan a photo").setInputFiles(photo);
  await expect(result.getByTestId("check-outcome")).toHaveText("Refused");
  await expect(result).toContainText("This ticket is for another train or date.");

  // Back on the right train, with no connection: verified on the phone, sent when back online.
  await conductor.goto(`/check?date=${daysFromNowInWarsaw(days)}&service=${mine!.serviceId}`);
  await expect(conductor.getByText("Ticket keys loaded")).toBeVisible();
  await phone.setOffline(true);
  await conductor.getByLabel("Scan a photo").setInputFiles(photo);
  await expect(result.getByTestId("check-outcome")).toHaveText("Valid ticket");
  await expect(result).toContainText("without a connection");
  await expect(conductor.getByRole("status").filter({ hasText: "1 check made offline, waiting to be sent." })).toBeVisible();
  await phone.setOffline(false);
  await expect(conductor.getByText("waiting to be sent")).toBeHidden();
  await phone.close();
});
