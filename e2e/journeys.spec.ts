import { test, expect } from "./fixtures";

// Gdańsk Główny -> Katowice has no through train in the demo timetable: Gdańsk -> Warszawa, then
// Warszawa -> Katowice (issue 15 part 1).
const inWarsaw = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(new Date(Date.now() + days * 86_400_000));

test("a passenger finds a journey with a change where no train runs through, and chooses seats on each train", async ({ page }) => {
  const date = inWarsaw(2);
  await page.goto(`/search?from=GDG&to=KAT&date=${date}&passengers=1`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gdańsk Główny → Katowice");
  await expect(page.getByText(/No direct train from Gdańsk Główny to Katowice/)).toBeVisible();

  const section = page.getByRole("region", { name: "With a change" });
  const journeys = section.getByRole("article");
  expect(await journeys.count()).toBeGreaterThanOrEqual(1);
  const first = journeys.first();
  await expect(first.getByText(/1 change/).first()).toBeVisible();
  await expect(first.getByText(/Change at Warszawa (Centralna|Wschodnia): /)).toBeVisible();
  const trains = first.getByRole("list", { name: "Trains in this journey" }).getByRole("listitem").filter({ has: page.getByRole("list") });
  await expect(trains).toHaveCount(2);

  // Arrival order: each journey arrives no earlier than the one before it.
  const arrivals = await journeys.evaluateAll((cards) => cards.map((c) => Date.parse(c.querySelectorAll("h2 time")[1]!.getAttribute("datetime")!)));
  expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));

  // The second train's seat map opens on its own part of the journey: Warszawa -> Katowice.
  await trains.nth(1).getByRole("link", { name: /^Choose seats in .+ Katowice$/ }).first().click();
  await expect(page).toHaveURL(/\/services\/[^?]+\?from=(WCE|WWS)&to=KAT/);
  await expect(page.getByText("Katowice").first()).toBeVisible();
});

test("GET /api/v1/search lists journeys with legs in the service shape, and keeps services[] for direct trains", async ({ request }) => {
  const date = inWarsaw(2);
  const res = await request.get(`/api/v1/search?from=GDG&to=KAT&date=${date}`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.services).toEqual([]);
  expect(body.journeys.length).toBeGreaterThan(0);
  for (const j of body.journeys) {
    expect(j.changes).toBe(j.legs.length - 1);
    expect(j.legs[0].from).toBe("GDG");
    expect(j.legs.at(-1).to).toBe("KAT");
    for (let i = 1; i < j.legs.length; i++) {
      expect(j.legs[i].from).toBe(j.legs[i - 1].to);
      expect(Date.parse(j.legs[i].departure) - Date.parse(j.legs[i - 1].arrival)).toBeGreaterThanOrEqual(j.connections[i - 1].minimumMinutes * 60_000);
    }
    expect(j.legs[0]).toEqual(expect.objectContaining({ serviceId: expect.any(String), trainNumber: expect.any(String), classes: expect.any(Array), status: expect.any(String) }));
  }

  // A through route: the direct trains are journeys too, with no change.
  const direct = await (await request.get(`/api/v1/search?from=GDG&to=KRK&date=${date}`)).json();
  expect(direct.services.length).toBeGreaterThan(0);
  expect(direct.journeys.filter((j: { changes: number }) => j.changes === 0).map((j: { legs: { serviceId: string }[] }) => j.legs[0]!.serviceId).sort()).toEqual(
    direct.services.filter((s: { status: string }) => s.status !== "CANCELLED").map((s: { serviceId: string }) => s.serviceId).sort(),
  );
});
