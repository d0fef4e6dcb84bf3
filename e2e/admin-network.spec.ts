import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, signIn, DEMO_ADMIN } from "./fixtures";

function stopGroup(page: Page, n: number) {
  return page.getByRole("group", { name: new RegExp(`^Stop ${n}\\b`) });
}

test("an operator adds a station, a train calling there, a week of services, and opens one", async ({ page }) => {
  const id = randomUUID().replace(/-/g, "").slice(0, 5).toUpperCase();
  const station = { code: `E${id}`, name: `Testowo Główne ${id}`, city: "Testowo" };
  await signIn(page, DEMO_ADMIN);

  // A station.
  await page.goto("/admin/stations");
  await page.getByRole("link", { name: "New station" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New station");
  await page.getByLabel("Code", { exact: true }).fill(station.code.toLowerCase());
  await page.getByLabel("Station name").fill(station.name);
  await page.getByLabel("City", { exact: true }).fill(station.city);
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Warsaw");
  await page.getByRole("button", { name: "Create station" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${station.name} (${station.code})`);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${station.name} has been created.`);

  // A train Gdańsk Główny -> the new station -> Kraków Główny with two coaches.
  await page.goto("/admin/trains/new");
  const number = `E2E ${id}`;
  await page.getByLabel("Train number").fill(number);
  await page.getByLabel("Name", { exact: true }).fill("Testowy");
  await stopGroup(page, 1).getByLabel("Station", { exact: true }).selectOption({ label: "Gdańsk Główny (GDG)" });
  await stopGroup(page, 1).getByLabel("Departs", { exact: true }).fill("08:00");
  await stopGroup(page, 1).getByLabel("Distance (km)", { exact: true }).fill("0");
  await stopGroup(page, 2).getByLabel("Station", { exact: true }).selectOption({ label: "Kraków Główny (KRK)" });
  await stopGroup(page, 2).getByLabel("Arrives", { exact: true }).fill("13:00");
  await stopGroup(page, 2).getByLabel("Distance (km)", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Add a stop" }).click();
  await expect(stopGroup(page, 3).getByLabel("Station", { exact: true })).toBeFocused();
  await stopGroup(page, 3).getByLabel("Station", { exact: true }).selectOption({ label: `${station.name} (${station.code})` });
  await stopGroup(page, 3).getByLabel("Arrives", { exact: true }).fill("09:00");
  await stopGroup(page, 3).getByLabel("Distance (km)", { exact: true }).fill("100");

  // The new stop belongs between the two: moved up with a button, which keeps the focus.
  await page.getByRole("button", { name: `Move stop 3 (${station.name}) up` }).click();
  await expect(page.getByRole("button", { name: `Move stop 2 (${station.name}) up` })).toBeFocused();
  await expect(stopGroup(page, 3).getByLabel("Station", { exact: true })).toHaveValue(/.+/);
  await expect(stopGroup(page, 3)).not.toContainText("Departs");

  await page.getByLabel("Coach type", { exact: true }).selectOption({ label: "B-2+2-64 · Second class open saloon 2+2, 64 seats" });
  await page.getByLabel("Label", { exact: true }).fill("A1");
  await page.getByRole("button", { name: "Add a coach" }).click();
  const coach2 = page.getByRole("group", { name: "Coach 2" });
  await coach2.getByLabel("Coach type", { exact: true }).selectOption({ label: "A-2+1-42 · First class open saloon 2+1, 42 seats" });
  await coach2.getByLabel("Label", { exact: true }).fill("A2");

  // A departure before the arrival is pointed out next to the field.
  await stopGroup(page, 2).getByLabel("Departs", { exact: true }).fill("08:55");
  await page.getByRole("button", { name: "Create train" }).click();
  const departs = stopGroup(page, 2).getByLabel("Departs", { exact: true });
  await expect(departs).toHaveAttribute("aria-invalid", "true");
  await expect(departs).toHaveAccessibleDescription(/Must not be before the arrival at this stop/);
  await expect(departs).toBeFocused();

  await departs.fill("09:05");
  await page.getByRole("button", { name: "Create train" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Train ${number}`);
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(`Train ${number} has been created.`);
  await expect(stopGroup(page, 2).getByLabel("Station", { exact: true })).toHaveValue(/.+/);
  await expect(stopGroup(page, 2).getByLabel("Arrives", { exact: true })).toHaveValue("09:00");

  // A week of services.
  await page.getByRole("link", { name: "Services and generation" }).click();
  await expect(page.getByLabel("Train", { exact: true }).first()).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Generate services" }).click();
  // 64 + 42 seats on each of 7 days.
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Created 7 services with 742 seats.");

  const services = page.getByRole("region", { name: "Services" });
  await expect(services.getByRole("row")).toHaveCount(8);
  await expect(services.getByRole("row").nth(1)).toContainText(number);
  await expect(services.getByRole("row").nth(1)).toContainText("Gdańsk Główny → Kraków Główny");
  await expect(services.getByRole("row").nth(1)).toContainText("0.0 %");

  // One service: its seat map and an empty passenger list.
  await services.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${number} Testowy`);
  await expect(page.getByRole("heading", { name: "Seats from Gdańsk Główny to Kraków Główny" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Coach A1 \d+ of/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Coach A1, seat 1, window, free" })).toBeVisible();
  await expect(page.getByText("Second class: 0 of 64 taken")).toBeVisible();
  await expect(page.getByText("No passengers have booked this service yet.")).toBeVisible();

  // The segment picker narrows the occupancy to part of the route.
  await page.getByLabel("To", { exact: true }).selectOption({ label: station.name });
  await page.getByRole("button", { name: "Show occupancy" }).click();
  await expect(page.getByRole("heading", { name: `Seats from Gdańsk Główny to ${station.name}` })).toBeVisible();
});

test("a passenger opening the stations admin gets the 403 page", async ({ page, passenger }) => {
  const response = await page.goto("/admin/stations");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  // Still signed in as themselves: refused, not signed out.
  await expect(page.getByRole("banner")).toContainText(passenger.name);
});
