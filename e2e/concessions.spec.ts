// Concession fares in a real browser (issue 15 part 4, docs/decisions/041): a family of two adults,
// a child and a student books; each passenger's fare and the total show before paying, priced by the
// server the same as the form's preview, and the e-ticket names each concession with its proof.
import { DEMO_ADMIN, expect, signIn, test } from "./fixtures";
import { searchAndChooseSeats } from "./booking-steps";

/** "187,48 zł" -> 18748. */
const minor = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));
const off = (full: number, basisPoints: number) => full - Math.floor((full * basisPoints + 5_000) / 10_000);

test("two adults, a child and a student see their own fares and the total before paying, and the ticket lists the concessions", async ({ page, passenger }) => {
  test.slow();
  expect(passenger.email).toContain("@");
  await searchAndChooseSeats(page, 4, 9);
  await page.getByText("Choose seats for me").click();

  const family = [
    ["Anna Nowak", "40"],
    ["Piotr Nowak", "41"],
    ["Staś Nowak", "9"],
    ["Ola Nowak", "20"],
  ] as const;
  for (const [i, [name, age]] of family.entries()) {
    await page.getByLabel("Full name").nth(i).fill(name);
    await page.getByLabel("Age").nth(i).fill(age);
  }
  const studentChoice = page.getByLabel("Concession", { exact: true }).nth(3);
  await studentChoice.selectOption("STUDENT");
  // What the API and the CLI offer is the same list.
  const listed = (await (await page.request.get("/api/v1/concessions")).json()).concessions as { code: string; proof: string; discountBasisPoints: number }[];
  expect(listed.find((c) => c.code === "STUDENT")).toMatchObject({ proof: "student ID (legitymacja studencka)", discountBasisPoints: 5100 });
  await expect(page.getByText("Carry student ID (legitymacja studencka): the conductor may ask for it.")).toBeVisible();

  // The form's preview: adults pay the full fare, the child 37 % off by age alone, the student 51 % off.
  const full = minor(await page.locator("[data-fare-for='1']").textContent());
  expect(full).toBeGreaterThan(0);
  await expect(page.locator("[data-fare-for='2']")).toHaveText((await page.locator("[data-fare-for='1']").textContent())!);
  expect(minor(await page.locator("[data-fare-for='3']").textContent())).toBe(off(full, 3700));
  await expect(page.locator("[data-concession-for='3']")).toHaveText("Child under 16, 37 % off");
  expect(minor(await page.locator("[data-fare-for='4']").textContent())).toBe(off(full, 5100));
  const total = 2 * full + off(full, 3700) + off(full, 5100);
  expect(minor(await page.getByTestId("booking-total").textContent())).toBe(total);

  await page.getByRole("button", { name: "Hold seats and continue to payment" }).click();

  // Before paying: the server's prices per passenger and the total, with each concession and proof.
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]{10}\/pay$/);
  const summary = page.getByRole("table");
  expect(minor(await summary.locator("[data-fare-row='1']").textContent())).toBe(full);
  expect(minor(await summary.locator("[data-fare-row='3']").textContent())).toBe(off(full, 3700));
  expect(minor(await summary.locator("[data-fare-row='4']").textContent())).toBe(off(full, 5100));
  await expect(summary.locator("[data-concession-row='3']")).toContainText("Child under 16 (37 % off)");
  await expect(summary.locator("[data-concession-row='4']")).toHaveText("Student under 26 (51 % off) · show student ID (legitymacja studencka)");
  await expect(summary.locator("[data-concession-row='1']")).toHaveCount(0);
  expect(minor(await page.getByTestId("booking-summary-total").textContent())).toBe(total);
  await expect(page.getByRole("button", { name: /^Pay / })).toContainText((await page.getByTestId("booking-summary-total").textContent())!.trim());

  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("heading", { name: "Your e-ticket" })).toBeVisible();
  const ticket = page.getByRole("table");
  await expect(ticket.locator("[data-concession-row='3']")).toContainText("Child under 16 (37 % off)");
  await expect(ticket.locator("[data-concession-row='4']")).toContainText("student ID (legitymacja studencka)");
  expect(minor(await page.getByTestId("booking-summary-total").textContent())).toBe(total);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const bytes = Buffer.concat(await (await (await download).createReadStream()).toArray());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
});

test("an operator changes a concession's discount on the pricing page and sees the earlier one in its history", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/pricing");
  const family = page.locator("[data-concession='LARGE_FAMILY']");
  await expect(family.getByRole("heading", { name: "Large Family Card" })).toBeVisible();
  await expect(family).toContainText("Large Family Card (Karta Dużej Rodziny) with photo ID");
  await expect(family.getByTestId("discount-LARGE_FAMILY")).toContainText("37 %");

  const field = family.getByLabel("Discount (% off the fare)");
  await field.fill("120");
  await family.getByRole("button", { name: "Save Large Family Card discount" }).click();
  await expect(family.getByText("Enter a discount from 0 to 100 (%), at most 2 decimal places.")).toBeVisible();

  await field.fill("40");
  await family.getByRole("button", { name: "Save Large Family Card discount" }).click();
  await expect(family.getByText("Large Family Card takes 40 % off from now.", { exact: false })).toBeVisible();
  await expect(family.getByTestId("discount-LARGE_FAMILY")).toContainText("40 %");
  await expect(family.getByRole("table")).toContainText("37 %");

  // Back to the statutory 37 % (the seed's), so other stories see the demo as it was.
  await family.getByLabel("Discount (% off the fare)").fill("37");
  await family.getByRole("button", { name: "Save Large Family Card discount" }).click();
  await expect(family.getByTestId("discount-LARGE_FAMILY")).toContainText("37 %");
});
