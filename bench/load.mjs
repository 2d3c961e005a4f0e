// Load generation and the statistics the bench reports: autocannon for the load, medians with
// their spread (min–max over rounds) for the figures.
import autocannon from "autocannon";

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

// `url` may be a list: autocannon then spreads the connections over the servers.
export function load({ url, duration, ...options }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function summarize(name, result) {
  return {
    case: name,
    requests_per_second: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx + result.errors + result.timeouts,
    requests: result["2xx"],
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round2 = (value) => Math.round(value * 100) / 100;

// One figure over rounds: the median, and the spread around it.
export function spread(values) {
  return { median: round2(median(values)), min: round2(Math.min(...values)), max: round2(Math.max(...values)) };
}

// Cases run in alternation (a, b, a, b, …) so that drift on a shared machine hits both alike. The
// ratio is taken per round (each b against the a run just before it), then its median is reported.
// `cpu`, when given, returns the CPU ms used so far by each side of the system under test (e.g.
// { server, database }); each row then says how much of it one request cost, which is where a
// ratio's gap is when client, server and database share the machine's cores.
export async function alternate({ rounds, duration, cases, onRound, cpu }) {
  const runs = Object.fromEntries(cases.map(({ name }) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const { name, options } of cases) {
      const before = cpu?.();
      const result = await load({ duration, ...options });
      const row = summarize(name, result);
      if (cpu) row.cpu_us_per_request = cpuPerRequest(before, cpu(), result.requests.total);
      runs[name].push(row);
      const cost = row.cpu_us_per_request ? `; CPU µs per request: ${Object.entries(row.cpu_us_per_request).map(([side, us]) => `${side} ${us}`).join(", ")}` : "";
      console.log(`  round ${round}  ${name}: ${row.requests_per_second} req/s, p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms${row.non_2xx ? `, ${row.non_2xx} not 2xx` : ""}${cost}`);
    }
    await onRound?.(round);
  }
  return runs;
}

function cpuPerRequest(before, after, requests) {
  return Object.fromEntries(Object.keys(after).map((side) => [side, Math.round(((after[side] - before[side]) * 1000) / Math.max(1, requests))]));
}

export function caseSummary(rows) {
  const cpuSides = Object.keys(rows[0].cpu_us_per_request ?? {});
  return {
    case: rows[0].case,
    rounds: rows.length,
    requests_per_second: spread(rows.map((row) => row.requests_per_second)),
    p50_ms: spread(rows.map((row) => row.p50_ms)),
    p99_ms: spread(rows.map((row) => row.p99_ms)),
    non_2xx: rows.reduce((sum, row) => sum + row.non_2xx, 0),
    requests: rows.reduce((sum, row) => sum + row.requests, 0),
    ...(cpuSides.length && { cpu_us_per_request: Object.fromEntries(cpuSides.map((side) => [side, spread(rows.map((row) => row.cpu_us_per_request[side]))])) }),
  };
}

export function ratios(numerator, denominator, field) {
  return spread(numerator.map((row, index) => row[field] / denominator[index][field]));
}
