// Playwright fixtures: `passenger` is a fresh account registered through the real API and signed in
// through the real sign-in form, so each test starts as a new person with nothing booked.
import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export interface TestAccount {
  name: string;
  email: string;
  password: string;
}

export const DEMO_ADMIN: TestAccount = { name: "Adam Admin", email: "admin@railbook.test", password: "admin-demo-1" };
export const DEMO_CONDUCTOR: TestAccount = { name: "Celina Conductor", email: "conductor@railbook.test", password: "conductor-demo-1" };
export const DEMO_PASSENGER: TestAccount = { name: "Paula Passenger", email: "passenger@railbook.test", password: "passenger-demo-1" };

export function newAccount(): TestAccount {
  const id = randomUUID().slice(0, 8);
  return { name: `Ewa Tester ${id}`, email: `ewa-${id}@example.test`, password: `secret-${id}-pass` };
}

export async function signIn(page: Page, account: TestAccount): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export const test = base.extend<{ passenger: TestAccount }>({
  passenger: async ({ page, request }, provide) => {
    const account = newAccount();
    const response = await request.post("/api/v1/auth/register", { data: account });
    expect(response.status(), await response.text()).toBe(201);
    await signIn(page, account);
    await provide(account);
  },
});

export { expect };
