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

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(10, "Use at least 10 characters for your password.")
    .max(200, "Passwords can be at most 200 characters."),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const profileSchema = z.object({ name: displayNameSchema });
