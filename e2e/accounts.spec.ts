// Accounts (issue 16, item 6): deleting an account; downloading one's data. And the things that make the app installable and
// its unknown pages honest (items 7 and 8): manifest, icons, robots.txt, real 404s.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("a passenger downloads their data, then deletes the account and cannot sign in again", async ({ page, passenger }) => {
  const exported = await page.request.get("/api/v1/account/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toContain("attachment");
  expect((await exported.json()).profile).toMatchObject({ email: passenger.email, name: passenger.name });

  await page.goto("/profile");
  await expect(page.getByRole("link", { name: "Download my data" })).toHaveAttribute("href", "/api/v1/account/export");
  await page.getByRole("button", { name: "Delete my account…" }).click();
  await page.getByLabel("Type your password to confirm").fill("not-the-password");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByLabel("Type your password to confirm")).toHaveAccessibleDescription("That is not your password.");

  await page.getByLabel("Type your password to confirm").fill(passenger.password);
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect((await page.request.get("/api/v1/account/export")).status()).toBe(401);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(passenger.email);
  await page.getByLabel("Password", { exact: true }).fill(passenger.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
});

test("the app can be installed (manifest, icons, robots.txt) and unknown pages answer 404", async ({ page, request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = await manifest.json();
  expect(body).toMatchObject({ name: "RailBook: train tickets", short_name: "RailBook", start_url: "/", display: "standalone" });
  for (const icon of body.icons as { src: string; sizes: string; purpose: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
  }
  expect((body.icons as { purpose: string; sizes: string }[]).map((i) => `${i.purpose} ${i.sizes}`).sort()).toEqual(["any 192x192", "any 512x512", "maskable 192x192", "maskable 512x512"]);

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  for (const path of ["/admin", "/api", "/check"]) expect(await robots.text()).toContain(`Disallow: ${path}\n`);

  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");

  const unknownService = await page.goto(`/services/${randomUUID()}?from=GDG&to=KRK`);
  expect(unknownService?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that train" })).toBeVisible();

  const unknownPage = await page.goto(`/no-such-page-${randomUUID().slice(0, 6)}`);
  expect(unknownPage?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Search trains" })).toBeVisible();
});
