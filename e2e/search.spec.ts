import { test, expect } from "./fixtures";

function daysFromNowInWarsaw(days: number): string {
  const then = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(then); // YYYY-MM-DD
}
const tomorrowInWarsaw = () => daysFromNowInWarsaw(1);

test("a passenger searches Gdańsk Główny to Kraków Główny for tomorrow and sees trains", async ({ page }) => {
  await page.goto("/");
  const from = page.getByRole("combobox", { name: "From" });
  await from.fill("gdansk gl");
  await expect(page.getByRole("option", { name: /Gdańsk Główny/ })).toBeVisible();
  await from.press("Enter");
  await expect(from).toHaveValue("Gdańsk Główny");

  const to = page.getByRole("combobox", { name: "To" });
  await to.fill("Krak");
  await page.getByRole("option", { name: /Kraków Główny/ }).click();
  await page.getByLabel("Date").fill(tomorrowInWarsaw());
  await page.getByLabel("Passengers").selectOption("2");
  await page.getByRole("button", { name: "Search trains" }).click();

  await expect(page).toHaveURL(/\/search\?from=\w+&to=\w+&date=\d{4}-\d{2}-\d{2}&passengers=2/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gdańsk Główny → Kraków Główny");
  const trains = page.getByRole("article");
  expect(await trains.count()).toBeGreaterThanOrEqual(3);
  const first = trains.first();
  await expect(first.getByText("Gdańsk Główny")).toBeVisible();
  await expect(first.getByText(/\d+ h( \d+ min)?/)).toBeVisible();
  await expect(first.getByRole("list", { name: "Classes" })).toContainText(/free/);

  // Direct trains are listed by departure (journeys with a change follow in their own section).
  const times = await page.getByRole("region", { name: "Trains" }).locator("article time").evaluateAll((els) => els.filter((_, i) => i % 2 === 0).map((e) => e.getAttribute("datetime")!));
  const instants = times.map((t) => Date.parse(t));
  expect(instants).toEqual([...instants].sort((a, b) => a - b));
});

test("the search form explains what is missing, next to the field", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search trains" }).click();
  await expect(page.getByRole("combobox", { name: "From" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a station from the list.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test("a day without trains offers the nearest dates", async ({ page }) => {
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  // The e2e server seeds 21 days of services (scripts/e2e-server.ts): three days past the window
  // has no trains, and the last seeded days are the nearest.
  const pastWindow = daysFromNowInWarsaw(23);
  await page.goto(`/search?from=${code("Gdańsk Główny")}&to=${code("Kraków Główny")}&date=${pastWindow}&passengers=1`);
  await expect(page.getByText(/No trains from Gdańsk Główny to Kraków Główny/)).toBeVisible();
  const suggestion = page.getByRole("link", { name: /\d{4}$/ }).first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("the search API answers with the documented shape and clear errors", async ({ request }) => {
  const stations = (await (await request.get("/api/v1/stations")).json()).stations as { code: string; name: string; city: string }[];
  expect(stations.length).toBeGreaterThanOrEqual(15);
  const code = (name: string) => stations.find((s) => s.name === name)!.code;

  const ok = await request.get(`/api/v1/search?from=${code("Gdańsk Główny")}&to=${code("Kraków Główny")}&date=${tomorrowInWarsaw()}`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.services.length).toBeGreaterThanOrEqual(3);
  expect(body.services[0]).toMatchObject({
    serviceId: expect.any(String),
    trainNumber: expect.any(String),
    status: "SCHEDULED",
    departure: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/),
    durationMinutes: expect.any(Number),
    classes: expect.arrayContaining([expect.objectContaining({ class: "SECOND", available: expect.any(Number), fare: { amount: expect.any(Number), currency: "PLN" } })]),
  });

  const bad = await request.get(`/api/v1/search?from=XX&to=XX&date=2026-02-30`);
  expect(bad.status()).toBe(400);
  const error = (await bad.json()).error;
  expect(error.code).toBe("VALIDATION_FAILED");
  expect(Object.keys(error.details.fieldErrors)).toEqual(expect.arrayContaining(["date"]));
});

test("search works on a phone @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Where are you travelling?" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
});

test("results can be filtered by class and time of day, and the filter lives in the URL", async ({ page }) => {
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  await page.goto(`/search?from=${code("Gdańsk Główny")}&to=${code("Kraków Główny")}&date=${tomorrowInWarsaw()}&passengers=1`);
  const all = await page.getByRole("article").count();
  expect(all).toBeGreaterThanOrEqual(3);

  await page.getByLabel("Class", { exact: true }).selectOption({ label: "Sleeper" });
  await expect(page).toHaveURL(/class=SLEEPER/);
  await expect(page.getByText(`of ${all} trains match your filters`)).toBeVisible();
  const sleepers = page.getByRole("article");
  await expect(sleepers).not.toHaveCount(all);
  for (const card of await sleepers.all()) await expect(card.getByRole("list", { name: "Classes" })).toContainText("Sleeper");

  await page.getByLabel("Departure", { exact: true }).selectOption("morning");
  await expect(page).toHaveURL(/time=morning/);
  await expect(page.getByText("No train on this day matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: `Show all ${all} trains` }).click();
  await expect(page.getByRole("article")).toHaveCount(all);
});
