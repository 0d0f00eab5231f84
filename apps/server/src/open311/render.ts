// One body, two formats. JSON is the body as built; XML follows the spec's Spark convention: a JSON
// array under `services` becomes <services><service>…</service></services>, null an empty element,
// booleans and numbers their text. UTF-8 everywhere, with the XML declaration.

import { XMLBuilder } from "fast-xml-parser";
import type { FastifyReply } from "fastify";
import type { Open311Format } from "./constants.ts";

/** The element name of one item of each list (the Spark convention's singular names). */
const ITEM_NAMES: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};

const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: false });

// XML 1.0 cannot carry most control characters, even escaped: they are dropped from text
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function toXmlValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[key] ?? "item";
    return value.length === 0 ? "" : { [item]: value.map((v) => toXmlValue(item, v)) };
  }
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toXmlValue(k, v)]),
    );
  }
  if (typeof value === "string") return value.replace(XML_INVALID, "");
  return String(value);
}

/** The XML document of a response whose root element is `root` (e.g. `services` for the list). */
export function toXml(root: string, body: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toXmlValue(root, body) })}`;
}

export function send(reply: FastifyReply, format: Open311Format, root: string, body: unknown, status = 200) {
  reply.status(status);
  if (format === "xml") return reply.type("text/xml; charset=utf-8").send(toXml(root, body));
  return reply.type("application/json; charset=utf-8").send(JSON.stringify(body));
}
