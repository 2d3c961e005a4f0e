// mulberry32: tiny, fast, and the same sequence for the same seed on every machine, so a failing
// fuzz run can be replayed exactly from the seed it prints.
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return {
    int,
    pick,
    chance: (probability: number) => next() < probability,
    between: (min: number, max: number) => min + int(max - min + 1),
    // Picks a key of the table with probability proportional to its weight.
    weighted<K extends string>(weights: Record<K, number>): K {
      const entries = Object.entries(weights) as [K, number][];
      let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [key, weight] of entries) if ((roll -= weight) < 0) return key;
      return entries[entries.length - 1][0];
    },
    chars: (alphabet: string, length: number) => Array.from({ length }, () => alphabet[int(alphabet.length)]).join(""),
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;

// Runs `task` over the items with at most `concurrency` in flight at once.
export async function inPool<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
