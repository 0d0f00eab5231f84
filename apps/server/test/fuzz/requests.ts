// Generated requests for every operation of the app's own OpenAPI document: path parameters, query
// strings, headers and bodies that mix schema-valid values with hostile ones, sent by one of several
// callers (anonymous, junk credentials, or a signed-in user by bearer token or cookie).
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { anyJson, HOSTILE_STRINGS, hostileString, type JsonSchema, type Pool, valueFor } from "./values.ts";

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/cases/{id} */
  path: string;
  params: { name: string; in: "path" | "query" | "header"; schema: JsonSchema; required?: boolean }[];
  /** content type → schema; empty for routes without a documented body */
  body: Record<string, JsonSchema>;
  /** routes that read a multipart upload although no body schema is documented */
  multipart: boolean;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Operation["params"];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        summary?: string;
        description?: string;
        responses?: Record<string, { content?: Record<string, unknown> }>;
      }
    >
  >;
};

const UPLOAD_HINT = /multipart|upload|file/i;

/** Every operation of the document, plus /healthz (hidden from it). */
export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [{ method: "GET", path: "/healthz", params: [], body: {}, multipart: false }];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      // a live event stream never ends, so it has no response to check (test/screen-stream.test.ts)
      if (op.responses?.["200"]?.content?.["text/event-stream"]) continue;
      const body: Record<string, JsonSchema> = {};
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) body[type] = content.schema;
      const unsafe = method !== "get";
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body,
        multipart: unsafe && !op.requestBody && UPLOAD_HINT.test(`${path} ${op.summary ?? ""} ${op.description ?? ""}`),
      });
    }
  }
  return ops;
}

export type CallerKind = "anonymous" | "junk" | "grid" | "centre" | "sysadmin";
export interface GeneratedRequest {
  caller: CallerKind;
  /** send a signed-in caller's token as the session cookie instead of a bearer header */
  viaCookie: boolean;
  op: Operation;
  inject: InjectOptions;
}

/** Lone surrogates cannot be percent-encoded: a client would send U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

const JUNK_AUTH = fc.oneof(
  fc.constant({ authorization: "Bearer " }),
  fc.constant({ authorization: "Basic YWRtaW46YWRtaW4=" }),
  hostileString.map((s) => ({ authorization: `Bearer ${s}`.replace(/[\r\n]/g, "") })),
  fc.constant({ authorization: `Bearer ${"x".repeat(8000)}` }),
  hostileString.map((s) => ({ cookie: `cg_session=${encodeURIComponent(wellFormed(s))}` })),
  fc.constant({ cookie: "cg_session=; cg_session=abc; __proto__=1" }),
  fc.constant({ cookie: "%%%;;;=;" }),
);

const segment = (v: unknown, raw: boolean): string => {
  const text = typeof v === "string" ? v : (JSON.stringify(v) ?? "");
  if (raw && /^[\x21-\x7e]*$/.test(text) && !/[?#]/.test(text)) return text;
  return encodeURIComponent(wellFormed(text)) || "%20";
};

function queryArb(op: Operation, pool: Pool): fc.Arbitrary<string> {
  const params = op.params.filter((p) => p.in === "query");
  const pairs = params.map((p) =>
    fc.option(
      fc.oneof(
        { weight: 5, arbitrary: valueFor(p.schema, pool, 0) },
        { weight: 2, arbitrary: hostileString },
        { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) },
      ),
      { freq: 2 },
    ),
  );
  const extra = fc.option(
    fc.constantFrom(
      "__proto__[admin]=1",
      "constructor[prototype][x]=1",
      "page=-1",
      "pageSize=100000",
      "q=%00",
      "a=%E0%A4%A",
    ),
    { freq: 4 },
  );
  return fc.tuple(fc.tuple(...pairs), extra).map(([values, more]) => {
    const sp = new URLSearchParams();
    values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const name = params[i]?.name ?? "x";
      for (const one of Array.isArray(v) ? v : [v])
        sp.append(name, typeof one === "string" ? one : (JSON.stringify(one) ?? ""));
    });
    const text = [sp.toString(), more].filter(Boolean).join("&");
    return text ? `?${text}` : "";
  });
}

function pathArb(op: Operation, pool: Pool): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (!names.length) return fc.constant(op.path);
  const values = names.map((name) => {
    const schema = op.params.find((p) => p.in === "path" && p.name === name)?.schema ?? { type: "string" };
    return fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: valueFor(schema, pool, 0) },
        { weight: 2, arbitrary: fc.constantFrom(...pool.uuids, ...pool.codes) },
        { weight: 2, arbitrary: hostileString },
        {
          weight: 1,
          arbitrary: fc.constantFrom("..", "../..", "..%2f..%2fpackage.json", "%2e%2e", "x.json", "x.xml", "x.php"),
        },
      ),
      fc.boolean(),
    );
  });
  return fc.tuple(...values).map((vals) => {
    let url = op.path;
    vals.forEach(([v, raw], i) => {
      url = url.replace(`{${names[i]}}`, segment(v, raw));
    });
    return url;
  });
}

function multipartBody(): fc.Arbitrary<{ payload: Buffer; headers: Record<string, string> }> {
  return fc
    .record({
      field: fc.constantFrom("file", "file", "photo", "__proto__", ""),
      filename: fc.oneof(fc.constantFrom("a.jpg", "../../etc/passwd", "x.csv", "t.xlsx", "\u0000.png"), hostileString),
      type: fc.constantFrom("image/jpeg", "image/png", "text/csv", "application/octet-stream", "text/html"),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constant(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])),
        fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])),
        fc.constant(new TextEncoder().encode("工单编号,诉求内容\n1,<script>\n")),
        fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
      ),
      brokenBoundary: fc.boolean(),
      truncated: fc.boolean(),
    })
    .map(({ field, filename, type, bytes, brokenBoundary, truncated }) => {
      const boundary = "----fuzzBoundary7MA4YWxk";
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename.replace(/["\r\n]/g, "")}"\r\nContent-Type: ${type}\r\n\r\n`,
      );
      const tail = Buffer.from(truncated ? "" : `\r\n--${boundary}--\r\n`);
      return {
        payload: Buffer.concat([head, Buffer.from(bytes), tail]),
        headers: {
          "content-type": brokenBoundary ? "multipart/form-data" : `multipart/form-data; boundary=${boundary}`,
        },
      };
    });
}

function bodyArb(
  op: Operation,
  pool: Pool,
): fc.Arbitrary<{ payload?: string | Buffer; headers: Record<string, string> }> {
  if (op.method === "GET" || op.method === "DELETE") {
    return fc.oneof(
      { weight: 9, arbitrary: fc.constant({ headers: {} }) },
      {
        weight: 1,
        arbitrary: anyJson.map((v) => ({
          payload: JSON.stringify(v) ?? "",
          headers: { "content-type": "application/json" },
        })),
      },
    );
  }
  const jsonSchema = op.body["application/json"];
  const formSchema = op.body["application/x-www-form-urlencoded"];
  const json = (jsonSchema ? valueFor(jsonSchema, pool, 2) : anyJson).map((v) => ({
    payload: JSON.stringify(v) ?? "null",
    headers: { "content-type": "application/json" } as Record<string, string>,
  }));
  const options: {
    weight: number;
    arbitrary: fc.Arbitrary<{ payload?: string | Buffer; headers: Record<string, string> }>;
  }[] = [
    { weight: jsonSchema ? 12 : 3, arbitrary: json },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          json,
          fc.constantFrom(
            "text/plain",
            "application/xml",
            "application/json; charset=latin1",
            "application/x-www-form-urlencoded",
            "",
            "multipart/form-data",
          ),
        )
        .map(([b, type]) => ({
          payload: b.payload,
          headers: (type ? { "content-type": type } : {}) as Record<string, string>,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"a":', "{'a':1}", "\u0000", "[1,2", '{"__proto__":{"polluted":1}}', "null", "1", '"x"', "")
        .map((payload) => ({
          payload,
          headers: { "content-type": "application/json" },
        })),
    },
  ];
  if (formSchema) {
    options.push({
      weight: 8,
      arbitrary: valueFor(formSchema, pool, 2).map((v) => {
        const sp = new URLSearchParams();
        if (v && typeof v === "object")
          for (const [k, x] of Object.entries(v)) sp.append(k, typeof x === "string" ? x : (JSON.stringify(x) ?? ""));
        return { payload: sp.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
      }),
    });
  }
  if (op.multipart) options.push({ weight: 12, arbitrary: multipartBody() });
  return fc.oneof(...options);
}

const headerArb = fc.record(
  {
    "idempotency-key": fc.oneof(
      fc.uuid(),
      hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, "")),
      fc.constant("k".repeat(500)),
    ),
    "x-public-token": hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, "")),
    accept: fc.constantFrom("application/json", "text/html", "*/*", "application/xml", "../../"),
    "accept-language": fc.constantFrom("en", "zh-CN", "xx", "", "en;q=abc,*"),
    origin: fc.constantFrom("https://evil.example", "null", "http://localhost"),
    "x-forwarded-for": fc.constantFrom("1.2.3.4", "not-an-ip", "::1"),
  },
  { requiredKeys: [] },
);

export function requestArb(ops: Operation[], pool: Pool): fc.Arbitrary<GeneratedRequest> {
  const perOp = ops.map((op) =>
    fc
      .record({
        caller: fc.constantFrom<CallerKind>(
          "anonymous",
          "junk",
          "grid",
          "centre",
          "sysadmin",
          "grid",
          "centre",
          "sysadmin",
        ),
        viaCookie: fc.constantFrom(false, false, false, true),
        url: fc.tuple(pathArb(op, pool), queryArb(op, pool)).map(([p, q]) => p + q),
        body: bodyArb(op, pool),
        headers: headerArb,
        junk: JUNK_AUTH,
        ip: fc.ipV4(),
      })
      .map(({ caller, viaCookie, url, body, headers, junk, ip }) => ({
        caller,
        viaCookie,
        op,
        inject: {
          method: op.method as InjectOptions["method"],
          url,
          remoteAddress: ip,
          headers: { ...headers, ...body.headers, ...(caller === "junk" ? junk : {}) },
          ...(body.payload !== undefined ? { payload: body.payload } : {}),
        },
      })),
  );
  // password and one-time-code routes hash on every call (scrypt, by design): sampled less often
  const slow = /\/auth\/|\/me\/(password|totp)/;
  return fc.oneof(...perOp.map((arbitrary, i) => ({ arbitrary, weight: slow.test(ops[i]?.path ?? "") ? 1 : 5 })));
}

export { HOSTILE_STRINGS };
