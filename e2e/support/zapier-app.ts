import "./zapier-test-mode";
import { expect } from "@playwright/test";
import { createAppTester } from "zapier-platform-core";
import App from "../../integrations/zapier/index.js";

// The Zapier app (integrations/zapier) run in-process by zapier-platform-core's app tester, the
// same runner `zapier-platform test` uses: each perform goes through the core's request client and
// middlewares, over HTTP, to the real server the flows run against.
export { App };
const appTester = createAppTester(App);

// What the app's performs answer: Switchboard objects, checked field by field by the tests.
export type ZapierItem = { id: string; [field: string]: unknown };
type Bundle = Parameters<typeof appTester>[1];

// Runs one of the app's functions (a perform, the connection test or label) with a bundle. The
// app is plain JavaScript, so the caller names what the answer is.
export function run<T = ZapierItem>(method: unknown, bundle: Bundle): Promise<T> {
  return appTester(method as never, bundle) as Promise<T>;
}

// A Zapier connection's authData: the key, and the server as a self-hosted user enters it.
export const connectionTo = (baseURL: string, apiKey: string) => ({ api_key: apiKey, base_url: baseURL });

export type ZapierError = { name: string; message: string; code?: string; status?: number; delay?: number | null };

// The error a perform rejected with, as Zapier reads it: z.errors.Error and ThrottledError carry
// JSON ({message, code, status} / {message, delay}); ExpiredAuthError a plain message.
export async function zapierError(perform: Promise<unknown>): Promise<ZapierError> {
  const error = await perform.then(
    (result) => {
      throw new Error(`Expected the Zapier perform to fail, but it returned ${JSON.stringify(result)}`);
    },
    (error: Error) => error,
  );
  expect(error).toBeInstanceOf(Error);
  try {
    return { name: error.name, ...JSON.parse(error.message) };
  } catch {
    return { name: error.name, message: error.message };
  }
}

// Every failure the app reports names the Request-Id to quote to support, in the brackets after the
// message (core may append what happened before the failure to errors other than z.errors.Error).
export const REQUEST_ID = /\(.*Request-Id: req_[\w-]+\)/;
