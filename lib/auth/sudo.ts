import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { verifySecondFactor } from "@/lib/two-factor/two-factor";
import { verifyPassword } from "./password";
import { markSudo } from "./sessions";
import { countedCheck } from "./sign-in-throttle";

// Sudo mode, as GitHub has it: the most dangerous actions (minting or rolling keys, revealing or
// rolling webhook secrets, turning two-factor off) ask for the password again unless it was given
// in this session within the last 15 minutes. A stolen, unlocked laptop or a hijacked session
// cookie then gets the dashboard, not new credentials.
export const SUDO_WINDOW_MS = 15 * 60 * 1000;

export function inSudoMode(session: { sudoAt: Date }, now = Date.now()): boolean {
  return now - session.sudoAt.getTime() < SUDO_WINDOW_MS;
}

// The password, or a TOTP code when two-factor is on; counted against the sign-in limits like a
// sign-in, so a stolen session cannot guess the password here either.
export async function confirmIdentity(
  session: { id: string; user: { id: string; email: string } },
  proof: { password?: string; code?: string },
  origin: RequestOrigin,
): Promise<boolean> {
  const where = { id: session.user.id };
  const confirmed = await countedCheck(session.user.email, origin.ip, async () => {
    if (proof.password) {
      const { passwordHash } = await db.user.findUniqueOrThrow({ where, select: { passwordHash: true } });
      return verifyPassword(proof.password, passwordHash);
    }
    if (!proof.code) return false;
    const { totpEnabledAt } = await db.user.findUniqueOrThrow({ where, select: { totpEnabledAt: true } });
    return totpEnabledAt !== null && (await verifySecondFactor(session.user.id, proof.code, origin)) !== null;
  });
  if (!confirmed) return false;
  await markSudo(session.id);
  return true;
}
