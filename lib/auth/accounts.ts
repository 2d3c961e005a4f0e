import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors/domain-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, passwordDecoyHash, verifyPassword } from "./password";
import type { z } from "zod";
import type { profileSchema, signInSchema, signUpSchema } from "./schemas";

export type SessionUser = { id: string; email: string; name: string };

export async function createAccount(input: z.infer<typeof signUpSchema>): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // The unique index decides, so two simultaneous sign-ups with one email cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("email_taken", { message: "An account with this email already exists. Sign in instead.", field: "email" });
    }
    throw error;
  }
}

export async function authenticate(input: z.infer<typeof signInSchema>): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await passwordDecoyHash()));
  return user && valid ? { id: user.id, email: user.email, name: user.name } : null;
}

export async function findAccount(id: string): Promise<SessionUser | null> {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

export async function updateProfile(id: string, input: z.infer<typeof profileSchema>): Promise<void> {
  await db.user.update({ where: { id }, data: { name: input.name } });
}
