// Issue 18's last operator gaps: the analytics page's two views (by travel date, by booking date)
// and its next days, kept in the URL; the operator home's loading of the next days; and the train
// editor asking what new times do to services already generated, answering next to its button.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, signIn, DEMO_ADMIN } from "./fixtures";
import { daysFromNowInWarsaw } from "./booking-steps";

const stopGroup = (page: Page, n: number) => page.getByRole("group", { name: new RegExp(`^Stop ${n}\\b`) });

test("an operator switches analytics between travel and booking dates and looks at the next 7 days, all in the URL", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/analytics?days=30");
  const byBooking = page.getByRole("link", { name: "By booking date", exact: true });
  const byTravel = page.getByRole("link", { name: "By travel date", exact: true });
  await expect(byBooking).toHaveAttribute("aria-current", "page");
  await expect(byBooking).toHaveAccessibleDescription(/sales on the day they happened/);
  await expect(byTravel).toHaveAccessibleDescription(/trains on the day they run/);
  // Days ahead are explained, not offered, by booking date.
  await expect(page.getByTestId("next-days-note")).toContainText("Days ahead have no sales yet");

  // The keyboard reaches the other view; the range comes along.
  await byTravel.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/analytics\?basis=travel&days=30$/);
  await expect(page.getByRole("link", { name: "By travel date", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Occupancy per train and class" }).getByText("Show the numbers as a table")).toBeVisible();

  await page.getByRole("link", { name: "Next 7 days", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/analytics\?basis=travel&next=7$/);
  await expect(page.getByRole("link", { name: "Next 7 days", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText(`By travel date`);
  const today = daysFromNowInWarsaw(0);
  const chart = page.getByRole("region", { name: "Bookings and revenue per day" });
  await chart.getByText("Show the numbers as a table").click();
  await expect(chart.getByRole("row", { name: new RegExp(`^${today}\\b`) })).toBeVisible();
  await expect(chart.getByRole("row", { name: new RegExp(`^${daysFromNowInWarsaw(6)}\\b`) })).toBeVisible();

  // Shared as a link, the same view opens; switching to booking dates turns the next 7 into the last 7.
  await page.goto("/admin/analytics?basis=travel&next=7");
  await page.getByRole("link", { name: "By booking date", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/analytics\?basis=booking&days=7$/);
  await expect(page.getByRole("link", { name: "Last 7 days", exact: true })).toHaveAttribute("aria-current", "page");
});

test("the operator home shows the loading of each of the next 7 days", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin");
  const panel = page.getByRole("region", { name: "Loading of the next 7 days" });
  await expect(panel).toBeVisible();
  const table = panel.getByRole("region", { name: "Loading of the next days" });
  await expect(table.getByRole("row")).toHaveCount(8);
  const first = table.locator(`[data-day="${daysFromNowInWarsaw(0)}"]`);
  await expect(first).toBeVisible();
  // The seed runs trains every day: services, seats and a percentage.
  await expect(first.getByRole("cell").nth(0)).toHaveText(/^[1-9]\d*$/);
  await expect(first.getByRole("cell").nth(1)).toHaveText(/^\d[\d,]* \/ [1-9][\d,]*$/);
  await expect(first.getByRole("cell").nth(2)).toContainText(/\d+\.\d%/);
});

test("the train editor asks what new times do to services already generated and says so next to its button", async ({ page }) => {
  test.setTimeout(120_000);
  // A train of its own between stations no other spec searches, so its services change no one's results.
  const id = randomUUID().replace(/-/g, "").slice(0, 5).toUpperCase();
  const number = `GAP ${id}`;
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/trains/new");
  await page.getByLabel("Train number").fill(number);
  await page.getByLabel("Name", { exact: true }).fill("Luka");
  await stopGroup(page, 1).getByLabel("Station", { exact: true }).selectOption({ label: "Rzeszów Główny (RZE)" });
  await stopGroup(page, 1).getByLabel("Departs", { exact: true }).fill("05:00");
  await stopGroup(page, 1).getByLabel("Distance (km)", { exact: true }).fill("0");
  await stopGroup(page, 2).getByLabel("Station", { exact: true }).selectOption({ label: "Przemyśl Główny (PRZ)" });
  await stopGroup(page, 2).getByLabel("Arrives", { exact: true }).fill("06:30");
  await stopGroup(page, 2).getByLabel("Distance (km)", { exact: true }).fill("90");
  await page.getByLabel("Coach type", { exact: true }).selectOption({ label: "B-2+2-64 · Second class open saloon 2+2, 64 seats" });
  await page.getByLabel("Label", { exact: true }).fill("G1");
  await page.getByRole("button", { name: "Create train" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Train ${number}`);
  const trainUrl = page.url().replace(/\?.*$/, "");
  await page.getByRole("link", { name: "Services and generation" }).click();
  await page.getByRole("button", { name: "Generate services" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Created 7 services with 448 seats.");
  await page.goto(trainUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Train ${number}`);

  // The whole train 30 minutes later: saved without an answer, the question is pointed out.
  await stopGroup(page, 1).getByLabel("Departs", { exact: true }).fill("05:30");
  await stopGroup(page, 2).getByLabel("Arrives", { exact: true }).fill("07:00");
  const choice = page.getByRole("group", { name: "If stop times change: services already generated" });
  // Today's 05:00 may have left already: 6 or 7 coming services.
  await expect(choice).toContainText(/[67] services are already generated from/);
  await page.getByRole("button", { name: "Save train" }).click();
  await expect(choice.getByRole("alert")).toContainText("Choose whether the new times reach the");
  await expect(choice).toBeFocused();

  await choice.getByRole("radio", { name: "Only to services generated from now on" }).check();
  const save = page.getByRole("button", { name: "Save train" });
  await save.click();
  const saved = page.getByTestId("train-saved");
  await expect(saved).toHaveRole("status");
  await expect(saved).toContainText(`${number} has been saved.`);
  await expect(saved).toContainText(/The [67] services already generated from/);
  await expect(saved).toContainText("keep their times; services generated from now on use the new ones");
  await expect(saved).toBeFocused();
  // Next to the button, not at the top of the page.
  const [button, message] = [await save.boundingBox(), await saved.boundingBox()];
  expect(Math.abs(button!.y - message!.y)).toBeLessThan(80);
  await expect(page.getByRole("main").locator("[data-form-alert]")).toHaveCount(0);
});
