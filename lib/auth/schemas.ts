import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const displayNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Names can be at most 80 characters.");

const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Passwords can be at most 200 characters.");

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

// A TOTP code (6 digits) or a recovery code (16 characters with dashes); blank means none given.
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .max(40, "That code is too long.")
  .transform((code) => code || undefined);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
  code: secondFactorCodeSchema.optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    newPassword: newPasswordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });

// Sudo mode: the password, or (with two-factor on) a code from the authenticator app.
export const confirmIdentitySchema = z
  .object({
    password: z.string().max(200).optional().transform((password) => password || undefined),
    code: secondFactorCodeSchema.optional(),
  })
  .refine((input) => input.password || input.code, { path: ["password"], message: "Enter your password." });

export const profileSchema = z.object({ name: displayNameSchema });
