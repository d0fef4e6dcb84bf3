import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, newAccount, signIn, DEMO_ADMIN, type TestAccount } from "./fixtures";

/**
 * Sign-in failures are throttled per client IP too. Tests that fail on purpose pose as their own
 * client (the e2e server trusts X-Forwarded-For from the runner: scripts/e2e-server.ts), so reruns against a reused server never block each other.
 */
async function actAsFreshClient(page: Page) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.18.${randomInt(256)}.${randomInt(1, 255)}` });
}

async function registerViaApi(page: Page): Promise<TestAccount> {
  const account = newAccount();
  const response = await page.request.post("/api/v1/auth/register", { data: account });
  expect(response.status()).toBe(201);
  return account;
}

test("a new passenger registers, signs out and signs back in", async ({ page }) => {
  const account = newAccount();
  await page.goto("/");
  await page.getByRole("link", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();

  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // Registered and signed in, back on the home page.
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header).toContainText(account.name);
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole("link", { name: "Operations" })).toHaveCount(0);

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header).not.toContainText(account.name);

  await signIn(page, account);
  await expect(header).toContainText(account.name);
});

test("a wrong password says so clearly and keeps the email", async ({ page }) => {
  await actAsFreshClient(page);
  const account = await registerViaApi(page);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("That email and password do not match an account.");
  await expect(alert).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("after five wrong passwords sign-in is refused with a clear message", async ({ page }) => {
  await actAsFreshClient(page);
  const account = await registerViaApi(page);
  await page.goto("/signin");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The password field is emptied once the attempt has been answered.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
  }

  // Even the right password is refused until the block ends.
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/Too many attempts to sign in\. Wait 15 minutes/);
  await expect(page).toHaveURL(/\/signin/);
});

test("the register form points at each field that needs fixing", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  const name = page.getByLabel("Full name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription("Enter your name.");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/At least 10 characters\. Use at least 10 characters\./);
});

test("registering an email that is taken says so next to the email", async ({ page }) => {
  const existing = await registerViaApi(page);
  await page.goto("/register");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill(existing.email.toUpperCase());
  await page.getByLabel("Password").fill("another-password-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/already exists/);
});

test("a signed-out visitor to My profile signs in and lands back on it", async ({ page }) => {
  const account = await registerViaApi(page);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile$/);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { name: "My profile", level: 1 })).toBeVisible();
});

test("sign-in ignores a callback to another site", async ({ page }) => {
  const account = await registerViaApi(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test("a passenger is refused the operations area and its API", async ({ page, passenger }) => {
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Operations" })).toHaveCount(0);

  // The browser session and an API token both get 403 from an admin-only endpoint.
  const viaSession = await page.request.get("/api/v1/admin/overview");
  expect(viaSession.status()).toBe(403);
  expect((await viaSession.json()).error.code).toBe("FORBIDDEN");

  const token = (await (await page.request.post("/api/v1/auth/token", { data: { email: passenger.email, password: passenger.password } })).json()).token;
  const viaToken = await page.request.get("/api/v1/admin/overview", { headers: { authorization: `Bearer ${token}` } });
  expect(viaToken.status()).toBe(403);
});

test("a signed-out visitor to the operations area is asked to sign in", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin$/);
  expect((await request.get("/api/v1/admin/overview")).status()).toBe(401);
});

test("the demo operator sees Operations with the network's numbers", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.getByRole("banner").getByRole("link", { name: "Operations" }).click();
  await expect(page.getByRole("heading", { name: "Operations", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Operations" })).toHaveAttribute("aria-current", "page");

  const overview = await (await page.request.get("/api/v1/admin/overview")).json();
  expect(overview.stations).toBeGreaterThan(0);
  expect(overview.servicesNext7Days).toBeGreaterThan(0);
  const stationsTile = page.getByRole("term").filter({ hasText: "Stations" }).locator("xpath=following-sibling::dd[1]");
  await expect(stationsTile).toHaveText(String(overview.stations));
});

test("a passenger renames themselves and changes their password", async ({ page, passenger, browser }) => {
  await page.getByRole("banner").getByRole("link", { name: "My profile" }).click();
  await expect(page.getByText(`Signed in as ${passenger.email}`)).toBeVisible();

  await page.getByLabel("Full name").fill("Renata Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Your name has been saved.");
  await expect(page.getByRole("banner")).toContainText("Renata Renamed");

  // The same person is also signed in on another device.
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await signIn(otherPage, passenger);

  const newPassword = "a-fresh-password-42";
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password.");

  await page.getByLabel("Current password").fill(passenger.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password has been changed.");
  await expect(page.getByRole("banner")).toContainText("Renata Renamed"); // still signed in here

  // ...but the other device has been signed out.
  await otherPage.goto("/profile");
  await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Fprofile$/);
  await otherDevice.close();

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, { ...passenger, password: newPassword });
  await expect(page.getByRole("banner")).toContainText("Renata Renamed");
});

test("@phone the header fits a phone screen and signing in works there", async ({ page }) => {
  const account = await registerViaApi(page);
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await signIn(page, account);
  await expect(page.getByRole("banner").getByRole("link", { name: "My profile" })).toBeVisible();
});
