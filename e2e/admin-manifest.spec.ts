// The train manager's list (decision 030): a passenger books twice on one train, a conductor's
// check marks one booking; the operator opens the service, sees checked and not checked by coach,
// downloads the manifest as CSV (a name with a comma stays one field), and sends a message to all
// passengers, which the passenger finds among their notifications.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { test, expect, signIn, DEMO_ADMIN } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

test("an operator sees who was checked, downloads the manifest, and messages every passenger", async ({ page, passenger, browser, baseURL }) => {
  test.setTimeout(120_000);
  // A train no other story books: Poznań -> Warszawa, 17 days ahead.
  const services = (await (await page.request.get(`/api/v1/search?from=POZ&to=WCE&date=${daysFromNowInWarsaw(17)}`)).json()).services as { serviceId: string }[];
  const service = services[0]!;
  expect(service, "a train runs that day").toBeTruthy();

  const bookAndPay = async (names: string[]) => {
    const held = await page.request.post("/api/v1/bookings", {
      headers: { "Idempotency-Key": randomUUID() },
      data: { serviceId: service.serviceId, from: "POZ", to: "WCE", class: "SECOND", passengers: names.map((name) => ({ name, age: 40 })) },
    });
    expect(held.status(), await held.text()).toBe(201);
    const { pnr } = (await held.json()) as { pnr: string };
    const paid = await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "Idempotency-Key": randomUUID() }, data: { cardNumber: "4242424242424242" } });
    expect(paid.status(), await paid.text()).toBe(200);
    return pnr;
  };
  const checkedPnr = await bookAndPay([passenger.name]);
  const tricky = `Kowal, Jan "${randomUUID().slice(0, 4)}"`;
  const uncheckedPnr = await bookAndPay([tricky]);

  const adminContext = await browser.newContext({ baseURL, acceptDownloads: true });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN);
  // Admins may check tickets too: the same record a conductor's scan makes.
  const check = await admin.request.post("/api/v1/tickets/verify", { headers: { "Idempotency-Key": randomUUID() }, data: { serviceId: service.serviceId, pnr: checkedPnr } });
  expect(check.status(), await check.text()).toBe(200);
  expect((await check.json()).outcome).toBe("ACCEPTED");

  await admin.goto(`/admin/services/${service.serviceId}`);
  const manifest = admin.getByRole("region", { name: /^Manifest/ });
  await expect(manifest.getByTestId("manifest-summary")).toContainText(/\d+ travelling · \d+ checked · \d+ not checked · \d+ cancelled/);
  await expect(manifest.getByRole("row", { name: new RegExp(checkedPnr) })).toContainText("✓ Checked");
  await expect(manifest.getByRole("row", { name: new RegExp(uncheckedPnr) })).toContainText("○ Not checked");
  await expect(manifest.getByRole("row", { name: new RegExp(uncheckedPnr) })).toContainText("Poznań Główny → Warszawa Centralna");
  await expect(manifest.getByRole("heading", { level: 3, name: /^Coach / }).first()).toBeVisible();
  await expect(manifest.getByRole("button", { name: "Print" })).toBeVisible();

  const downloading = admin.waitForEvent("download");
  await manifest.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^manifest-.+\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain(`"${tricky.replace(/"/g, '""')}"`);
  expect(csv.split("\r\n").find((line) => line.includes(checkedPnr))).toContain(",checked,");
  expect(csv.split("\r\n").find((line) => line.includes(uncheckedPnr))).toContain(",not checked,");

  // The PNR leads to the admin booking page.
  await manifest.getByRole("link", { name: uncheckedPnr }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Booking ${uncheckedPnr}`);
  await admin.goBack();

  const subject = `Buffet closed ${randomUUID().slice(0, 6)}`;
  const form = admin.getByRole("region", { name: "Message to all passengers" });
  await form.getByLabel("Subject").fill(subject);
  await form.getByLabel("Message").fill("The buffet car is closed on this train today. Water is free at your seat.");
  await form.getByRole("button", { name: "Send to all passengers" }).dblclick();
  await expect(form.getByRole("status")).toContainText(/^Message sent to \d+ passengers? \(\d+ bookings?\), in the app and by email\.$/);
  await adminContext.close();

  await page.goto("/notifications");
  const notices = page.getByTestId("notice").filter({ hasText: subject });
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText("Water is free at your seat.");
});
