// The booking desk (decision 031) and the exports (decision 032): desk staff find a passenger's
// booking and send the e-ticket again, and are refused the rest of the operator area; an admin
// gives someone a role through the confirm step that names the change, and downloads the revenue CSV.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { test, expect, signIn, newAccount, DEMO_ADMIN, type TestAccount } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

const DEMO_DESK: TestAccount = { name: "Dorota Desk", email: "desk@railbook.test", password: "desk-demo-1" };

test("desk staff find a paid booking, resend its ticket, and cannot open the trains", async ({ page, passenger, browser, baseURL }) => {
  test.setTimeout(120_000);
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const services = (await (await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(17)}`)).json()).services as { serviceId: string }[];
  expect(services.length, "a train runs that day").toBeGreaterThan(0);
  const held = await page.request.post("/api/v1/bookings", {
    headers: { "Idempotency-Key": randomUUID() },
    data: { serviceId: services[0]!.serviceId, from, to, class: "SECOND", passengers: [{ name: passenger.name, age: 41 }] },
  });
  expect(held.status(), await held.text()).toBe(201);
  const { pnr } = (await held.json()) as { pnr: string };
  const paid = await page.request.post(`/api/v1/bookings/${pnr}/payment`, { headers: { "Idempotency-Key": randomUUID() }, data: { cardNumber: "4242424242424242" } });
  expect(paid.status(), await paid.text()).toBe(200);

  const deskContext = await browser.newContext({ baseURL });
  const desk = await deskContext.newPage();
  await signIn(desk, DEMO_DESK);
  await desk.getByRole("banner").getByRole("link", { name: "Bookings desk" }).click();
  const nav = desk.getByRole("navigation", { name: "Operations" });
  await expect(nav.getByRole("link")).toHaveText(["Bookings"]);
  await desk.getByLabel("Reference, e-mail or name").fill(passenger.email);
  await desk.getByRole("button", { name: "Find bookings" }).click();
  await desk.getByRole("link", { name: pnr }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText(`Booking ${pnr}`);
  await expect(desk.getByRole("heading", { name: "Cancel with refund" })).toHaveCount(0);

  await desk.getByRole("button", { name: "Resend e-ticket" }).click();
  await expect(desk.getByRole("status")).toContainText(`The e-ticket for ${pnr} is on its way to ${passenger.email} again.`);
  await expect(desk.getByRole("list", { name: "Tickets sent again" })).toContainText(`sent again by ${DEMO_DESK.name}`);

  const trains = await desk.goto("/admin/trains");
  expect(trains?.status()).toBe(403);
  await expect(desk.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  const api = await desk.request.get("/api/v1/admin/overview");
  expect(api.status()).toBe(403);
  await deskContext.close();
});

test("an admin changes a role through a confirm step naming it, sees it in the history, and downloads the revenue CSV", async ({ page, request }) => {
  const account = newAccount();
  expect((await request.post("/api/v1/auth/register", { data: account })).status()).toBe(201);
  await signIn(page, DEMO_ADMIN);
  await page.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
  const row = page.locator(`[data-user="${account.email}"]`);

  await row.getByRole("button", { name: `Make desk staff: ${account.name}` }).click();
  await expect(row.getByText("Change role: Passenger → Desk")).toBeVisible();
  const confirm = row.getByRole("button", { name: `Yes, make ${account.name} desk staff` });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await expect(row.getByRole("status")).toContainText(`${account.name} is now desk staff.`);
  await row.getByText(/^Role history/).click();
  await expect(row.getByRole("list", { name: `Role history of ${account.name}` })).toContainText(`Passenger → Desk, by ${DEMO_ADMIN.name}`);

  await page.goto("/admin/exports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exports");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Revenue per day CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^railbook-revenue-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("day,currency,bookings,gross,refunds,net");
  expect(lines.filter((l) => l.includes(",PLN,"))).toHaveLength(30);
  expect(lines.at(-1)).toMatch(/^\d{4}-\d\d-\d\d,PLN,\d+,\d+\.\d\d,\d+\.\d\d,-?\d+\.\d\d$/);
});
