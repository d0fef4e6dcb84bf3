// Issue 16, item 1: a visitor who chose seats and typed passengers before signing in (or
// registering) comes back to the same train, segment, seats and passengers.
import { test as base } from "@playwright/test";
import { expect, newAccount } from "./fixtures";
import { placeOf, searchAndChooseSeats, seatNamed, someFreeSeat } from "./booking-steps";

const test = base;
// Seats are only picked here, never held: no other spec's trains are touched.
const DAYS_AHEAD = 17;

test("choosing seats and typing passengers signed out, then signing in, keeps all of it", async ({ page, request }) => {
  test.slow(); // search, seat map, sign-in and the seat map again
  const account = newAccount();
  expect((await request.post("/api/v1/auth/register", { data: account })).status()).toBe(201);

  await searchAndChooseSeats(page, 2, DAYS_AHEAD);
  const serviceUrl = new URL(page.url());
  const first = someFreeSeat(page);
  const firstPlace = await placeOf(first);
  await first.click();
  const second = page.getByRole("button", { name: /^Coach \w+, seat \d+, \w+, free$/ }).first();
  const secondPlace = await placeOf(second);
  await second.click();
  await page.getByLabel("Full name").nth(0).fill("Łucja Żółkiewska");
  await page.getByLabel("Age").nth(0).fill("34");
  await page.getByLabel("Full name").nth(1).fill("Jan Kowalski");
  await page.getByLabel("Age").nth(1).fill("9");

  await page.getByRole("link", { name: "Sign in to book" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === serviceUrl.pathname && url.searchParams.get("from") === serviceUrl.searchParams.get("from") && url.searchParams.get("to") === serviceUrl.searchParams.get("to"));
  await expect(seatNamed(page, firstPlace, "selected")).toBeVisible();
  await expect(seatNamed(page, secondPlace, "selected")).toBeVisible();
  await expect(page.getByLabel("Full name").nth(0)).toHaveValue("Łucja Żółkiewska");
  await expect(page.getByLabel("Age").nth(0)).toHaveValue("34");
  await expect(page.getByLabel("Full name").nth(1)).toHaveValue("Jan Kowalski");
  await expect(page.getByLabel("Age").nth(1)).toHaveValue("9");
  await expect(page.getByRole("button", { name: "Hold seats and continue to payment" })).toBeVisible();
});

test("registering instead says the account is ready and comes back to the same seats", async ({ page }) => {
  const account = newAccount();
  await searchAndChooseSeats(page, 1, DAYS_AHEAD);
  const seat = someFreeSeat(page);
  const place = await placeOf(seat);
  await seat.click();
  await page.getByLabel("Full name").fill("Olek Nowak");

  await page.getByRole("link", { name: "Sign in to book" }).click();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Your account is ready and you are signed in." })).toBeVisible();
  await expect(seatNamed(page, place, "selected")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Olek Nowak");
});
