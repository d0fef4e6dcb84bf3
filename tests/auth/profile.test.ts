import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { changePassword, updateName } from "@/lib/auth/profile";
import { issueApiToken, userForApiToken } from "@/lib/auth/api-tokens";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { changePasswordSchema, profileNameSchema } from "@/lib/schemas/auth";
import { createUser } from "../helpers/factories";

const noHeaders = new Headers();

describe("changing a password", () => {
  it("replaces the password when the current one is right, and revokes API tokens", async () => {
    const { user, password } = await createUser();
    const { token } = await issueApiToken(user.id);

    const result = await changePassword(user.id, { currentPassword: password, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }, null);

    expect(result.revokedTokens).toBe(1);
    expect(await userForApiToken(token)).toBeNull();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "a-brand-new-password")).toBe(true);
    expect(await verifyPassword(row.passwordHash, password)).toBe(false);
    await expect(authenticateWithPassword({ email: user.email, password: "a-brand-new-password" }, noHeaders)).resolves.toMatchObject({ id: user.id });
    await expect(authenticateWithPassword({ email: user.email, password }, noHeaders)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("refuses a wrong current password with a field error and changes nothing", async () => {
    const { user, password } = await createUser();
    const { token } = await issueApiToken(user.id);

    const error = await changePassword(user.id, { currentPassword: "not-my-password", newPassword: "another-new-password", confirmPassword: "another-new-password" }, null).catch((e: unknown) => e);

    expect(isAppError(error) && error.code).toBe("VALIDATION_FAILED");
    expect(isAppError(error) && (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.currentPassword).toEqual(["That is not your current password."]);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    expect(await userForApiToken(token)).not.toBeNull();
  });

  it("throttles guessing the current password like sign-in does", async () => {
    const { user, password } = await createUser();
    const input = (currentPassword: string) => ({ currentPassword, newPassword: "guessed-new-password", confirmPassword: "guessed-new-password" });
    for (let i = 0; i < 5; i++) await expect(changePassword(user.id, input(`guess-${i}-password`), null)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(changePassword(user.id, input(password), null)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("requires the new password twice, the same, and at least 10 characters", () => {
    const mismatch = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "0123456789", confirmPassword: "0123456780" });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues.map((i) => i.path.join("."))).toEqual(["confirmPassword"]);

    const short = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "short", confirmPassword: "short" });
    expect(short.error?.issues.map((i) => i.path.join("."))).toEqual(["newPassword"]);

    const blank = "\t".padEnd(16, " ");
    const spaces = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: blank, confirmPassword: blank });
    expect(spaces.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["newPassword", "Use more than spaces: a password of only spaces is too easy to guess."],
    ]);
  });
});

describe("changing a name", () => {
  it("saves the trimmed name", async () => {
    const { user } = await createUser({ name: "Old Name" });
    const input = profileNameSchema.parse({ name: "  Jan Kowalski  " });
    await expect(updateName(user.id, input)).resolves.toMatchObject({ id: user.id, name: "Jan Kowalski" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Jan Kowalski");
  });

  it("rejects a blank name", () => {
    expect(profileNameSchema.safeParse({ name: "   " }).success).toBe(false);
  });
});
