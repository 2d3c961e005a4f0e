import type { Prisma } from "@/lib/generated/prisma/client";

// Writing the owner's row takes its lock until the transaction ends, so concurrent creations for
// one account run one after the other and cannot both pass a cap check (a count alone locks nothing).
export async function lockAccount(tx: Prisma.TransactionClient, accountId: string, now = new Date()): Promise<void> {
  await tx.user.update({ where: { id: accountId }, data: { updatedAt: now } });
}

// Throws `limitReached()` when the account already holds `max`; call it after lockAccount.
export function assertUnderCap(count: number, max: number, limitReached: () => Error): void {
  if (count >= max) throw limitReached();
}
