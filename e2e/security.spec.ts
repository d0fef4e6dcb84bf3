// What a browser meets: security headers and a nonce CSP under which the app still runs, JSON
// answers for unknown API paths, and cookie-authenticated writes refused unless they are JSON from
// RailBook's own origin.
import { test, expect, signIn, newAccount, DEMO_ADMIN } from "./fixtures";

test("pages carry a nonce CSP and the security headers, and the app still runs under them", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/signin");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");

  // Next's own scripts carry this response's nonce; a second view gets another one.
  const scriptNonces = await page.locator("script[nonce]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const again = await page.request.get("/signin");
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);

  // Next's bootstrap ran (it is one of the nonce'd scripts), and the form works.
  await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("unknown API paths and wrong methods answer JSON", async ({ request }) => {
  const missing = await request.get("/api/v1/no-such-thing");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("NOT_FOUND");
  expect(missing.headers()["content-security-policy"]).toContain("default-src 'none'");

  const wrong = await request.delete("/api/v1/stations");
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET, HEAD");
  expect((await wrong.json()).error.code).toBe("METHOD_NOT_ALLOWED");
});

test("a signed-in passenger's cookie cannot be used for a text/plain or foreign-origin write", async ({ page, passenger }) => {
  void passenger;
  await page.goto("/notifications");
  // From RailBook's own page, as a same-site attacker's form would send it: text/plain.
  const plain = await page.evaluate(async () => {
    const res = await fetch("/api/v1/notifications/read", { method: "POST", headers: { "Content-Type": "text/plain" }, body: '{"all":true}' });
    return { status: res.status, body: await res.json() };
  });
  expect(plain.status).toBe(415);
  expect(plain.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");

  // The same JSON write claiming another origin (the browser's cookie attached) is refused.
  const foreign = await page.request.post("/api/v1/notifications/read", { data: { all: true }, headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "same-site" } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("CROSS_SITE_REQUEST");

  // And the app's own JSON write works.
  const own = await page.evaluate(async () => (await fetch("/api/v1/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"all":true}' })).status);
  expect(own).toBe(200);
});

test("signing out revokes the session: a copy of its cookie no longer works", async ({ page, passenger, browser }) => {
  void passenger;
  const copied = await page.context().cookies();
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/profile");
  await expect(stolen).toHaveURL(/\/signin\?callbackUrl=%2Fprofile$/);
  await thief.close();
});

test("making someone an admin takes a confirming second press and is recorded in the audit log", async ({ page, request }) => {
  const account = newAccount();
  expect((await request.post("/api/v1/auth/register", { data: account })).status()).toBe(201);
  await signIn(page, DEMO_ADMIN);
  await page.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);

  await page.getByRole("button", { name: `Make admin: ${account.name}` }).click();
  await expect(page.getByText(`${account.name} gets full operator access`)).toBeVisible();
  await page.getByRole("button", { name: `Yes, make ${account.name} an admin` }).click();
  await expect(page.getByRole("status")).toContainText(`${account.name} is now an admin.`);
  await expect(page.getByRole("list", { name: "Audit log" })).toContainText(`${DEMO_ADMIN.name} made ${account.email} an admin`);

  // And back, with the same confirmation, so the demo keeps its one operator.
  await page.getByRole("button", { name: `Remove admin rights: ${account.name}` }).click();
  await page.getByRole("button", { name: `Yes, remove ${account.name}'s admin rights` }).click();
  await expect(page.getByRole("status")).toContainText(`${account.name} is now a passenger.`);
  await expect(page.getByRole("list", { name: "Audit log" })).toContainText(`${DEMO_ADMIN.name} made ${account.email} a passenger`);
});

test("one account cannot hold a train's seats unpaid past the limit, and an operator releases a hoarder's holds", async ({ page, passenger, browser, baseURL }) => {
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const day = new Date(Date.now() + 15 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/Warsaw" });
  const services = (await (await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${day}`)).json()).services as { serviceId: string }[];
  expect(services.length, "a train runs that day").toBeGreaterThan(0);
  const hold = (passengers: number) =>
    page.request.post("/api/v1/bookings", {
      headers: { "Idempotency-Key": crypto.randomUUID() },
      data: { serviceId: services[0]!.serviceId, from, to, class: "SECOND", passengers: Array.from({ length: passengers }, (_, i) => ({ name: `Hoarder ${i + 1}`, age: 30 })) },
    });
  for (const size of [6, 6]) expect((await hold(size)).status()).toBe(201);
  const refused = await hold(1);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatchObject({ code: "HOLD_LIMIT", details: { scope: "SERVICE", limit: 12, unpaid: 12 } });

  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_ADMIN);
  await admin.goto("/admin/holds");
  const row = admin.locator(`tr[data-holder="${passenger.email}"]`);
  await expect(row.getByRole("cell").first()).toHaveText("12");
  await row.getByRole("button", { name: `Release holds: ${passenger.name}` }).click();
  await row.getByRole("button", { name: `Yes, release ${passenger.name}'s 12 seats` }).click();
  await expect(admin.getByRole("status")).toContainText(`Released 12 seats in 2 bookings of ${passenger.name}`);
  await expect(admin.locator(`tr[data-holder="${passenger.email}"]`)).toHaveCount(0);
  await adminContext.close();

  // The seats are back on sale, and the passenger may hold again.
  expect((await hold(1)).status()).toBe(201);
});
