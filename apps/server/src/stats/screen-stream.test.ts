// The stream hub without a database: fan-out of incident events by scope, one listener for all
// screens (detached with the last), and slow screens dropped instead of buffered without bound.
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import type { Services } from "../services.ts";
import { ScreenStreamHub } from "./screen-stream.ts";

class FakeResponse extends EventEmitter {
  chunks: string[] = [];
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  write(chunk: string) {
    this.chunks.push(chunk);
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit("close");
  }
  destroy() {
    this.destroyed = true;
    this.emit("close");
  }
}

function fakeServices() {
  const events = new EventEmitter();
  const quiet = { info: () => {}, warn: () => {} };
  return { events, logger: quiet, clock: { now: () => new Date() } } as unknown as Services & { events: EventEmitter };
}

const incident = (gridCodes: string[]) => ({
  incidentId: "i1",
  code: "YJ20261124001",
  action: "declared",
  status: "active",
  divisionCodes: [],
  gridCodes,
  at: new Date("2026-11-24T01:00:00Z"),
});

describe("ScreenStreamHub", () => {
  it("fans an incident out to the screens whose scope holds one of its grids", () => {
    const services = fakeServices();
    const hub = new ScreenStreamHub(services);
    const yuhua = new FakeResponse();
    const tiedong = new FakeResponse();
    hub.add(
      yuhua as unknown as ServerResponse,
      { level: "community", code: "210303003003", prefix: "210303003003" },
      "s1",
    );
    hub.add(tiedong as unknown as ServerResponse, { level: "district", code: "210302000000", prefix: "210302" }, "s2");
    expect(services.events.listenerCount("incident")).toBe(1);
    expect(services.events.listenerCount("case")).toBe(1);
    services.events.emit("incident", incident(["21030300300301", "21030300400101"]));
    expect(yuhua.chunks.at(-1)).toBe(
      `event: incident\ndata: ${JSON.stringify({
        id: "i1",
        code: "YJ20261124001",
        action: "declared",
        status: "active",
        at: "2026-11-24T01:00:00.000Z",
        gridCodes: ["21030300300301"],
      })}\n\n`,
    );
    expect(tiedong.chunks).toEqual(["retry: 5000\n: connected\n\n"]);
    yuhua.emit("close");
    tiedong.emit("close");
    expect(hub.size).toBe(0);
    // the last screen gone: no listener left behind
    expect(services.events.listenerCount("incident")).toBe(0);
    expect(services.events.listenerCount("case")).toBe(0);
  });

  it("drops a screen whose unread bytes pass the bound, keeps the others", () => {
    const services = fakeServices();
    const hub = new ScreenStreamHub(services, { maxBufferedBytes: 1000 });
    const slow = new FakeResponse();
    const fast = new FakeResponse();
    const scope = { level: "city" as const, code: "210300000000", prefix: "2103" };
    hub.add(slow as unknown as ServerResponse, scope, "s1");
    hub.add(fast as unknown as ServerResponse, scope, "s2");
    slow.writableLength = 5000;
    services.events.emit("incident", incident(["21030300300301"]));
    expect(slow.destroyed).toBe(true);
    expect(fast.chunks).toHaveLength(2);
    expect(hub.size).toBe(1);
    hub.close();
    expect(fast.writableEnded).toBe(true);
    expect(hub.size).toBe(0);
  });
});
