import { expect } from "vitest";
import { DomainError } from "./domain-errors";

// For unit tests: the domain error a promise rejects with (failing the test if it resolves or
// throws anything else).
export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
