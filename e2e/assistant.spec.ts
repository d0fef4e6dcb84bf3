// Ask RailBook in a browser: the panel opens from any page by keyboard, answers from live data,
// links to what it cites, and gives focus back when it closes.
import { test, expect } from "./fixtures";

test("a passenger asks for trains from the panel, follows its seat-map link, and closes it with Escape @phone", async ({ page, passenger }) => {
  void passenger;
  await page.goto("/bookings");
  const open = page.getByRole("button", { name: "Ask RailBook" });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(open).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("dialog", { name: "Ask RailBook" });
  await expect(panel).toBeVisible();
  const box = panel.getByRole("textbox", { name: "Your question" });
  await expect(box).toBeFocused();

  await box.fill("Which trains go from Gdansk to Krakow tomorrow?");
  await page.keyboard.press("Enter");
  const answer = panel.getByTestId("assistant-answer").last();
  await expect(answer).toContainText("Trains from Gdańsk Główny to Kraków Główny");
  await expect(answer).toContainText("EIC 5300");

  const seats = panel.getByRole("link", { name: /^EIC 5300 .* seats$/ });
  await seats.click();
  await expect(page).toHaveURL(/\/services\/[^?]+\?from=GDG&to=KRK/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Still there on the seat-map page, with the conversation; a booking question it answers privately.
  await open.click();
  await expect(panel.getByTestId("assistant-exchange")).toHaveCount(1);
  await box.fill("What is the status of booking ABCDEFGH23?");
  await box.press("Enter");
  await expect(panel.getByTestId("assistant-answer").last()).toContainText("I cannot find a booking ABCDEFGH23 on your account");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(open).toBeFocused();
});
