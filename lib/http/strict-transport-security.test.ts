import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./strict-transport-security";

describe("strictTransportSecurity", () => {
  it("asks browsers to stay on https for two years where the app is served over https", () => {
    expect(strictTransportSecurity("https://switchboard.example")).toBe("max-age=63072000; includeSubDomains");
  });

  it("sends nothing for plain http or an unset URL", () => {
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity("")).toBeNull();
  });
});
