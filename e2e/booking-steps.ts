// Steps shared by the booking stories: searching to the seat map, finding seats by their
// accessible names, and a second signed-in passenger in a browser context of their own.
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, newAccount, signIn } from "./fixtures";

export function daysFromNowInWarsaw(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(new Date(Date.now() + days * 86_400_000));
}

/** A second person in their own browser context, registered and signed in. */
export async function anotherPassenger(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const account = newAccount();
  expect((await page.request.post("/api/v1/auth/register", { data: account })).status()).toBe(201);
  await signIn(page, account);
  return page;
}

export async function searchAndChooseSeats(page: Page, passengers: number, daysAhead: number): Promise<void> {
  await page.goto("/");
  await page.getByRole("combobox", { name: "From" }).fill("Gdańsk Gł");
  await page.getByRole("option", { name: /Gdańsk Główny/ }).click();
  await page.getByRole("combobox", { name: "To" }).fill("Kraków Gł");
  await page.getByRole("option", { name: /Kraków Główny/ }).click();
  await page.getByLabel("Date").fill(daysFromNowInWarsaw(daysAhead));
  await page.getByLabel("Passengers").selectOption(String(passengers));
  await page.getByRole("button", { name: "Search trains" }).click();
  await page.getByRole("link", { name: /^Choose seats in Second class/ }).first().click();
  await expect(page.getByRole("heading", { name: "Choose your seats" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /Second class/ })).toHaveAttribute("aria-selected", "true");
}

export const freeSeats = (page: Page) => page.getByRole("button", { name: /^Coach \w+, seat \d+, \w+, free$/ });
/**
 * One of the first free seats of the coach on screen, picked at random: other tests (or a parallel
 * run) booking the same train then rarely want the same seat, which the app would rightly refuse.
 */
export const someFreeSeat = (page: Page) => freeSeats(page).nth(Math.floor(Math.random() * 24));
/** "Coach 3, seat 1, window" from "Coach 3, seat 1, window, free". */
export const placeOf = async (seat: Locator) => (await seat.getAttribute("aria-label"))!.replace(/, (free|selected|taken)$/, "");
export const seatNamed = (page: Page, place: string, state: string) => page.getByRole("button", { name: `${place}, ${state}`, exact: true });

/** The seat map of the night train with sleepers (TLK 53170 Giewont) from Gdańsk to Kraków, days ahead. */
export async function nightTrainSeatMap(page: Page, daysAhead: number): Promise<string> {
  const stations = (await (await page.request.get("/api/v1/stations")).json()).stations as { code: string; name: string }[];
  const code = (name: string) => stations.find((s) => s.name === name)!.code;
  const [from, to] = [code("Gdańsk Główny"), code("Kraków Główny")];
  const search = await page.request.get(`/api/v1/search?from=${from}&to=${to}&date=${daysFromNowInWarsaw(daysAhead)}`);
  const services = (await search.json()).services as { serviceId: string; classes: { class: string }[] }[];
  const night = services.find((s) => s.classes.some((c) => c.class === "SLEEPER"));
  expect(night, "a train with sleepers runs that day").toBeTruthy();
  return `/services/${night!.serviceId}?from=${from}&to=${to}&passengers=1&class=SLEEPER`;
}
