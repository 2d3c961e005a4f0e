import { test } from "@playwright/test";

// The figures a hardening run checked: in the HTML report and in the console output of CI.
export function report(type: string, description: string) {
  test.info().annotations.push({ type, description });
  console.log(`${type}: ${description}`);
}
