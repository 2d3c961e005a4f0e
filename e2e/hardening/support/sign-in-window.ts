import { test } from "@playwright/test";

// Same as lib/auth/sign-in-throttle.ts: its limits count in clock-aligned 15-minute windows.
const WINDOW_MS = 15 * 60 * 1000;

// A test that spends sign-in attempts and then expects a refusal must not straddle a window's end:
// its attempts would split over two windows and neither would reach the limit (a CI run crossed
// 21:30 mid-test). Waits into the next window when less than `needMs` is left of this one, and
// extends the test's timeout by the wait.
export async function clearOfSignInWindowEdge(needMs = 90_000) {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left >= needMs) return;
  const wait = left + 1_000;
  test.info().setTimeout(test.info().timeout + wait);
  await new Promise((resolve) => setTimeout(resolve, wait));
}
