import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps same-origin relative paths with their query and hash", () => {
    expect(safeCallbackPath("/bookings/ABC123?tab=seats#top")).toBe("/bookings/ABC123?tab=seats#top");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it.each([
    "https://evil.test/phish",
    "//evil.test/phish",
    "/\\evil.test",
    "/\t/evil.test",
    "javascript:alert(1)",
    "profile",
    "",
    undefined,
    42,
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
    expect(safeCallbackPath(value, "")).toBe("");
  });

  it("does not send a signed-in person back to the sign-in or register page", () => {
    expect(safeCallbackPath("/signin?callbackUrl=/x")).toBe("/");
    expect(safeCallbackPath("/register")).toBe("/");
    expect(safeCallbackPath("/signing-rules")).toBe("/signing-rules");
  });
});

describe("signInPath", () => {
  it("remembers a safe destination and drops an unsafe one", () => {
    expect(signInPath("/profile")).toBe("/signin?callbackUrl=%2Fprofile");
    expect(signInPath("//evil.test")).toBe("/signin");
    expect(signInPath()).toBe("/signin");
  });
});
