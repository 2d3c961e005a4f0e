import { z } from "zod";

// GitHub-style confirmation: the password proves it is the owner (not someone at an unlocked
// screen), typing the email proves they mean this account and not a slip of the mouse.
export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Passwords can be at most 200 characters."),
  confirmEmail: z
    .string({ error: "Type your email address to confirm." })
    .trim()
    .toLowerCase()
    .min(1, "Type your email address to confirm.")
    .max(254, "That email address is too long."),
});

export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
