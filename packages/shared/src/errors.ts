// One catalogue of error codes: HTTP status plus a Chinese and an English message.
// The server renders `{ error: { code, message, messageEn, details? } }` from it; the web shows
// the message in the user's language. Codes are stable: clients may rely on them.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: "请求参数不合法", en: "The request is not valid" },
  INVALID_JSON: { status: 400, zh: "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: "不支持的内容类型", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "请求体过大", en: "The request body is too large" },
  UNAUTHENTICATED: { status: 401, zh: "请先登录", en: "Please sign in" },
  SESSION_EXPIRED: { status: 401, zh: "会话已过期,请重新登录", en: "Your session has expired; please sign in again" },
  INVALID_CREDENTIALS: { status: 401, zh: "用户名或密码错误", en: "Wrong username or password" },
  ACCOUNT_DISABLED: { status: 403, zh: "账号已停用", en: "This account is disabled" },
  FORBIDDEN: { status: 403, zh: "无权执行此操作", en: "You are not allowed to do this" },
  ACTION_NOT_PERMITTED: {
    status: 403,
    zh: "当前角色或单位无权执行该操作",
    en: "Your role or unit may not take this action on this case",
  },
  NOT_FOUND: { status: 404, zh: "资源不存在", en: "Not found" },
  ROUTE_NOT_FOUND: { status: 404, zh: "接口不存在", en: "No such endpoint" },
  CASE_NOT_FOUND: { status: 404, zh: "案件不存在", en: "Case not found" },
  UNIT_NOT_FOUND: { status: 404, zh: "单位不存在", en: "Unit not found" },
  UNKNOWN_ACTION: { status: 404, zh: "未知的案件操作", en: "Unknown case action" },
  USER_NOT_FOUND: { status: 404, zh: "账号不存在", en: "User not found" },
  DIVISION_NOT_FOUND: { status: 404, zh: "行政区划不存在", en: "Division not found" },
  GRID_NOT_FOUND: { status: 404, zh: "网格不存在", en: "Grid not found" },
  ILLEGAL_TRANSITION: {
    status: 409,
    zh: "案件当前状态不允许该操作",
    en: "This action is not allowed in the case's current state",
  },
  CONCURRENT_UPDATE: {
    status: 409,
    zh: "案件已被他人修改,请刷新后重试",
    en: "The case changed meanwhile; reload and retry",
  },
  EXTENSION_PENDING: { status: 409, zh: "已有待审批的延期申请", en: "An extension request is already pending" },
  NO_EXTENSION_PENDING: { status: 409, zh: "没有待审批的延期申请", en: "There is no pending extension request" },
  REOPEN_LIMIT_REACHED: { status: 409, zh: "已达到重新办理次数上限", en: "The case cannot be reopened again" },
  NO_LEVEL_ABOVE: { status: 409, zh: "已是最高层级,无法上报", en: "There is no level above to escalate to" },
  USERNAME_TAKEN: { status: 409, zh: "用户名已被使用", en: "This username is already taken" },
  UNIT_EXISTS: {
    status: 409,
    zh: "该区划已有同类单位",
    en: "A unit of this type already exists on this division",
  },
  UNIT_IN_USE: {
    status: 409,
    zh: "单位仍有启用的账号,请先停用或调出",
    en: "The unit still has active accounts; disable or move them first",
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: "幂等键已用于不同的请求内容",
    en: "This Idempotency-Key was already used with a different request body",
  },
  LOCATION_OUTSIDE_CITY: { status: 422, zh: "该位置不在本市范围内", en: "This location is outside the city" },
  UNKNOWN_CATEGORY: { status: 422, zh: "未知的问题类别", en: "Unknown category" },
  UNKNOWN_UNIT: { status: 422, zh: "未知或不可用的单位", en: "Unknown or unavailable unit" },
  UNIT_OUT_OF_JURISDICTION: {
    status: 422,
    zh: "目标单位不在本级管辖或不可派遣",
    en: "The target unit is outside your jurisdiction or cannot receive this case",
  },
  INVALID_MERGE_TARGET: { status: 422, zh: "并案目标不可用", en: "The merge target is not a usable open case" },
  INVALID_DEADLINE: {
    status: 422,
    zh: "延期日期必须晚于当前期限",
    en: "The new date must be after the current deadline",
  },
  REASON_REQUIRED: { status: 422, zh: "必须填写原因", en: "A reason is required" },
  NOTE_REQUIRED: { status: 422, zh: "必须填写说明", en: "A note is required" },
  PHOTO_NOT_FOUND: { status: 422, zh: "照片不存在", en: "Photo not found" },
  RATE_LIMITED: { status: 429, zh: "请求过于频繁,请稍后再试", en: "Too many requests; please try again later" },
  INTERNAL: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
  SERVICE_UNAVAILABLE: { status: 503, zh: "服务暂不可用", en: "Service temporarily unavailable" },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}
