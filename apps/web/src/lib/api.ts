// The API client: JSON in and out, the session cookie for auth, and errors turned into ApiError
// with the server's stable code and both languages, so screens never show raw JSON.
export interface ApiErrorBody {
  code: string;
  message: string;
  messageEn: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.messageEn);
  }
  text(lang: "zh" | "en"): string {
    return lang === "zh" ? this.body.message : this.body.messageEn;
  }
}

const NETWORK_ERROR: ApiErrorBody = {
  code: "NETWORK",
  message: "网络连接失败,请稍后重试",
  messageEn: "Network error; please try again",
};

/** Called on 401 (with the error code, e.g. SESSION_EXPIRED) so the app can return to the sign-in page. */
let onUnauthenticated: (code: string) => void = () => {};
export function setUnauthenticatedHandler(fn: (code: string) => void) {
  onUnauthenticated = fn;
}

/** The session's CSRF token, which the server sets in a readable cookie at sign-in. */
function csrfToken(): string | null {
  const match = /(?:^|;\s*)cg_csrf=([^;]*)/.exec(typeof document === "undefined" ? "" : document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  // changes sent with the session cookie must prove they come from our own pages (server: http/csrf.ts)
  const token = method === "GET" || method === "HEAD" ? null : csrfToken();
  const headers = token ? { ...extraHeaders, "x-csrf-token": token } : extraHeaders;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined || body instanceof FormData ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (res.ok) {
    const type = res.headers.get("content-type") ?? "";
    return (type.includes("json") ? await res.json() : await res.blob()) as T;
  }
  let err: ApiErrorBody;
  try {
    err = ((await res.json()) as { error: ApiErrorBody }).error;
  } catch {
    err = {
      code: `HTTP_${res.status}`,
      message: `请求失败 (${res.status})`,
      messageEn: `Request failed (${res.status})`,
    };
  }
  if (res.status === 401 && !path.startsWith("/auth/")) onUnauthenticated(err.code);
  throw new ApiError(res.status, err);
}

export const get = <T>(path: string) => api<T>("GET", path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>("POST", path, body ?? {}, headers);
export const put = <T>(path: string, body: unknown) => api<T>("PUT", path, body);

/** Builds a query string from defined values; arrays repeat the key. */
export function qs(params: Record<string, unknown>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const x of v) u.append(k, String(x));
    else u.append(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : "";
}
