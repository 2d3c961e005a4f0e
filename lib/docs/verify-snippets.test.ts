import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { CALL_EXAMPLE } from "@/lib/calls/schemas";
import { newId } from "@/lib/ids/new-id";
import { signatureHeader } from "@/lib/webhooks/sign";
import { generateWebhookSecret } from "@/lib/webhooks/secrets";
import { signedExampleDelivery } from "./signature-example";
import { snippetPath, verifySnippets } from "./verify-snippets";

type Case = { name: string; secret: string; headers: Record<string, string>; body: string; now: number; valid: boolean };
type Outcome = { ok: boolean; error?: string; event?: { id: string; type: string; data: { summary: string } } };

const now = Math.floor(Date.now() / 1000);
const secret = generateWebhookSecret();
const rolledFrom = generateWebhookSecret();
const eventId = newId("evt");
// A real payload as the outbox writes it, with non-ASCII text: the signature covers UTF-8 bytes.
const body = JSON.stringify({
  id: eventId,
  type: "call.completed",
  created_at: new Date(now * 1000).toISOString(),
  data: { ...CALL_EXAMPLE, summary: "Zoë booked Friday — €40 deposit ✓" },
});

function signed(overrides: { secrets?: string[]; timestamp?: number; body?: string } = {}) {
  const timestamp = overrides.timestamp ?? now;
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatureHeader(overrides.secrets ?? [secret], eventId, timestamp, overrides.body ?? body),
  };
}

const example = signedExampleDelivery();
const independent = new Webhook(secret).sign(eventId, new Date(now * 1000), body);

const CASES: Case[] = [
  { name: "a delivery signed by our signer", secret, headers: signed(), body, now, valid: true },
  { name: "during a roll, with the new secret", secret, headers: signed({ secrets: [rolledFrom, secret] }), body, now, valid: true },
  { name: "during a roll, with the old secret", secret: rolledFrom, headers: signed({ secrets: [rolledFrom, secret] }), body, now, valid: true },
  { name: "signed by the standardwebhooks library", secret, headers: { ...signed(), "webhook-signature": independent }, body, now, valid: true },
  { name: "four minutes late", secret, headers: signed({ timestamp: now - 240 }), body, now, valid: true },
  {
    name: "the example delivery the reference shows",
    secret: example.secret,
    headers: example.headers,
    body: example.body,
    now: Number(example.headers["webhook-timestamp"]),
    valid: true,
  },
  { name: "a tampered body", secret, headers: signed(), body: body.replace("Friday", "Monday"), now, valid: false },
  { name: "another endpoint's secret", secret: generateWebhookSecret(), headers: signed(), body, now, valid: false },
  { name: "signed ten minutes ago (replay)", secret, headers: signed({ timestamp: now - 600 }), body, now, valid: false },
  { name: "signed ten minutes in the future", secret, headers: signed({ timestamp: now + 600 }), body, now, valid: false },
  { name: "a timestamp changed after signing", secret, headers: { ...signed(), "webhook-timestamp": String(now - 1) }, body, now, valid: false },
  { name: "a non-numeric timestamp", secret, headers: { ...signed(), "webhook-timestamp": "soon" }, body, now, valid: false },
  { name: "no signature header", secret, headers: { "webhook-id": eventId, "webhook-timestamp": String(now) }, body, now, valid: false },
  { name: "an unknown signature version", secret, headers: { ...signed(), "webhook-signature": signed()["webhook-signature"].replace("v1,", "v2,") }, body, now, valid: false },
  { name: "an empty signature", secret, headers: { ...signed(), "webhook-signature": "v1," }, body, now, valid: false },
];

// Each runner loads the snippet file as a user would (import, import a module, require), feeds it
// every case and prints what the snippet returned or threw.
const RUNNERS = {
  node: {
    command: process.execPath,
    args: [
      "--input-type=module",
      "-e",
      `import { readFileSync } from "node:fs";
       const { verifySwitchboardWebhook } = await import(process.env.SNIPPET_URL);
       const cases = JSON.parse(readFileSync(0, "utf8"));
       const results = cases.map((c) => {
         try { return { ok: true, event: verifySwitchboardWebhook(c.secret, c.headers, Buffer.from(c.body, "utf8"), c.now * 1000) }; }
         catch (error) { return { ok: false, error: error.message }; }
       });
       process.stdout.write(JSON.stringify(results));`,
    ],
  },
  python: {
    command: "python3",
    args: [
      "-c",
      `import importlib.util, json, os, sys
spec = importlib.util.spec_from_file_location("verify", os.environ["SNIPPET_PATH"])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
results = []
for c in json.loads(sys.stdin.buffer.read().decode("utf-8")):
    try:
        results.append({"ok": True, "event": module.verify_switchboard_webhook(c["secret"], c["headers"], c["body"].encode("utf-8"), c["now"])})
    except ValueError as error:
        results.append({"ok": False, "error": str(error)})
sys.stdout.write(json.dumps(results))`,
    ],
  },
  php: {
    command: "php",
    args: [
      "-r",
      `require getenv('SNIPPET_PATH');
       $results = [];
       foreach (json_decode(file_get_contents('php://stdin'), true) as $c) {
         try { $results[] = ['ok' => true, 'event' => verify_switchboard_webhook($c['secret'], $c['headers'], $c['body'], $c['now'])]; }
         catch (RuntimeException $error) { $results[] = ['ok' => false, 'error' => $error->getMessage()]; }
       }
       echo json_encode($results);`,
    ],
  },
} as const;

function available(command: string): boolean {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;
}

function run(id: keyof typeof RUNNERS, file: string): Outcome[] {
  const runner = RUNNERS[id];
  const result = spawnSync(runner.command, runner.args, {
    input: JSON.stringify(CASES),
    encoding: "utf8",
    env: { ...process.env, SNIPPET_PATH: snippetPath(file), SNIPPET_URL: pathToFileURL(snippetPath(file)).href },
  });
  if (result.status !== 0) throw new Error(`${runner.command} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Outcome[];
}

describe("webhook verification snippets shown in /docs/api", () => {
  it("our signatures verify with the standardwebhooks library, the reference the snippets follow", () => {
    for (const testCase of CASES.filter((c) => c.valid && c.headers["webhook-timestamp"] === String(now))) {
      expect(new Webhook(testCase.secret).verify(testCase.body, testCase.headers)).toMatchObject({ id: eventId, type: "call.completed" });
    }
  });

  for (const snippet of verifySnippets()) {
    const runner = RUNNERS[snippet.id];
    const present = available(runner.command);
    // Node always runs; Python and PHP run where installed (.ci/run installs them). Never faked.
    const name = present
      ? `the ${snippet.language} snippet (${snippet.file}) accepts authentic deliveries and refuses forged, replayed and malformed ones`
      : `the ${snippet.language} snippet (${snippet.file}): SKIPPED, \`${runner.command}\` is not on PATH (on Debian: apt-get install ${runner.command === "php" ? "php-cli" : "python3"})`;
    if (!present) console.warn(`verify-snippets.test.ts: ${name}`);
    it.skipIf(!present)(name, () => {
      const outcomes = run(snippet.id, snippet.file);
      expect(outcomes).toHaveLength(CASES.length);
      CASES.forEach((testCase, index) => {
        const outcome = outcomes[index];
        expect({ case: testCase.name, ok: outcome.ok }).toEqual({ case: testCase.name, ok: testCase.valid });
        if (testCase.valid) {
          const sent = JSON.parse(testCase.body);
          expect(outcome.event).toMatchObject({ id: sent.id, type: sent.type });
          if (sent.type === "call.completed") expect(outcome.event?.data.summary).toBe("Zoë booked Friday — €40 deposit ✓");
        } else {
          expect(outcome.error).toMatch(/signature|timestamp|header/i);
        }
      });
    });
  }
});
