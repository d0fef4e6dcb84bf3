// Account forms and API bodies. Prisma-free: the sign-in, register and profile forms import these
// in the browser, and the server actions and route handlers parse with the very same schemas.
import { z } from "zod";
import { personName, plainText } from "@/lib/schemas/text";

export const NAME_MAX = 100;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Trimmed and lower-cased before the format check, so "  Ala@Example.COM " is one account. */
export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Use at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const nameField = personName(
  z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
);

/**
 * Rules for a password being chosen (registration, change). Never trimmed (spaces inside a
 * passphrase count), but one of only whitespace is refused: it passes the length rule while being
 * trivially guessed. Checked first and aborting, so "   " gets this one message, not a length one too.
 */
export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(1, { error: "Choose a password.", abort: true })
  .refine((p) => p.trim() !== "", { error: "Use more than spaces: a password of only spaces is too easy to guess.", abort: true })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** A password being presented: any length we would ever have accepted; never trimmed. */
const existingPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** Set by registering, read once by components/auth/welcome-notice.tsx: "your account is ready". */
export const WELCOME_COOKIE = "railbook-welcome";

/** Where to go after signing in; checked again by safeCallbackPath before anyone is sent there. */
const callbackUrlField = z.string().max(2000).optional();

export const registerSchema = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const registerFormSchema = registerSchema.extend({ callbackUrl: callbackUrlField });

export const tokenSchema = z.object({
  email: emailField,
  password: existingPasswordField,
});
export type TokenInput = z.infer<typeof tokenSchema>;

/** POST /api/v1/auth/token: the credentials, and a name for the token to know it by later. */
export const issueTokenSchema = tokenSchema.extend({
  label: plainText(z.string().trim().max(60, "Use at most 60 characters.")).optional(),
});

export const revokeTokenFormSchema = z.object({ tokenId: z.string().min(1).max(64) });

export const signInSchema = tokenSchema.extend({ callbackUrl: callbackUrlField });
export type SignInInput = z.infer<typeof signInSchema>;

export const profileNameSchema = z.object({ name: nameField });
export type ProfileNameInput = z.infer<typeof profileNameSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: existingPasswordField,
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Repeat the new password." }).min(1, "Repeat the new password."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two new passwords do not match.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** "Forgot password": just the email; the answer is the same whether or not it has an account. */
export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** The reset link's token (from the link itself) and the new password, twice. */
export const resetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPasswordField,
    confirmPassword: z.string({ error: "Repeat the new password." }).min(1, "Repeat the new password."),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "The two passwords do not match." });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** Deleting one's own account: the password again, as the confirmation. */
export const deleteAccountSchema = z.object({ password: existingPasswordField });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
