// The seat map and booking form on their own: field errors next to the fields, a sleeper coach
// by keyboard with a berth chosen by preference, and the layout on a 390 px phone.
import { expect, test } from "./fixtures";
import { freeSeats, nightTrainSeatMap, searchAndChooseSeats } from "./booking-steps";

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
