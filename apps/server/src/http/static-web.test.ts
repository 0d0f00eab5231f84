import { describe, expect, it } from "vitest";
import { shellFor, wantsAppShell } from "./static-web.ts";

describe("web application shells", () => {
  it("gives each application's deep links its own shell", () => {
    expect(shellFor("/m/")).toBe("m/index.html");
    expect(shellFor("/m")).toBe("m/index.html");
    expect(shellFor("/m/report?x=1")).toBe("m/index.html");
    expect(shellFor("/p/track/AB12")).toBe("p/index.html");
    expect(shellFor("/screen/?division=210303000000")).toBe("screen/index.html");
    expect(shellFor("/screen")).toBe("screen/index.html");
    expect(shellFor("/cases/123")).toBe("index.html");
    expect(shellFor("/mobile")).toBe("index.html");
  });

  it("never answers API or Open311 paths with HTML", () => {
    expect(wantsAppShell("GET", "/api/v1/x", "text/html")).toBe(false);
    expect(wantsAppShell("GET", "/open311/v2/services.xml", "text/html")).toBe(false);
    expect(wantsAppShell("POST", "/m/", "text/html")).toBe(false);
    expect(wantsAppShell("GET", "/m/", "text/html")).toBe(true);
  });
});
