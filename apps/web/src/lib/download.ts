// File downloads from the API (the XLSX export): errors become ApiError like every other call.
import { ApiError, type ApiErrorBody } from "./api.ts";

export interface Downloaded {
  filename: string;
  truncated: boolean;
}

export async function downloadFile(path: string, fallbackName: string): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, {
      code: "NETWORK",
      message: "网络连接失败,请稍后重试",
      messageEn: "Network error; please try again",
    });
  }
  if (!res.ok) {
    let body: ApiErrorBody;
    try {
      body = ((await res.json()) as { error: ApiErrorBody }).error;
    } catch {
      body = {
        code: `HTTP_${res.status}`,
        message: `请求失败 (${res.status})`,
        messageEn: `Request failed (${res.status})`,
      };
    }
    throw new ApiError(res.status, body);
  }
  const disposition = res.headers.get("content-disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const filename = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser a moment to start the download before the blob goes away
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { filename, truncated: res.headers.get("x-truncated") === "true" };
}
