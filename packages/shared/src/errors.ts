// One catalogue of error codes: HTTP status plus a Chinese and an English message.
// The server renders `{ error: { code, message, messageEn, details? } }` from it; the web shows
// the message in the user's language. Codes are stable: clients may rely on them.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: "请求参数不合法", en: "The request is not valid" },
  INVALID_JSON: { status: 400, zh: "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: "不支持的内容类型", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "请求体过大", en: "The request body is too large" },
  URI_TOO_LONG: { status: 414, zh: "请求地址过长", en: "The request URL is too long" },
  INVALID_URL: { status: 400, zh: "请求地址不合法", en: "The request URL is not valid" },
  CSRF_TOKEN_INVALID: {
    status: 403,
    zh: "请求来源校验失败,请刷新页面后重试",
    en: "The request's origin could not be verified; reload the page and try again",
  },
  IMAGE_CORRUPT: {
    status: 415,
    zh: "图片已损坏或无法识别",
    en: "The image is corrupt or cannot be decoded",
  },
  IMAGE_TOO_LARGE: {
    status: 413,
    zh: "图片像素过多,请缩小后再上传",
    en: "The image has too many pixels; please make it smaller",
  },
  UNAUTHENTICATED: { status: 401, zh: "请先登录", en: "Please sign in" },
  SESSION_EXPIRED: { status: 401, zh: "会话已过期,请重新登录", en: "Your session has expired; please sign in again" },
  INVALID_CREDENTIALS: { status: 401, zh: "用户名或密码错误", en: "Wrong username or password" },
  ACCOUNT_DISABLED: { status: 403, zh: "账号已停用", en: "This account is disabled" },
  // identity (issue 5); "{minutes}" is filled from the error's details
  ACCOUNT_LOCKED: {
    status: 423,
    zh: "登录失败次数过多,账号已锁定,请 {minutes} 分钟后再试",
    en: "Too many failed sign-ins: the account is locked; try again in {minutes} minutes",
  },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    zh: "请先绑定身份验证器(动态口令)后再使用系统",
    en: "Set up an authenticator app (one-time codes) before using the system",
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: "您的密码由管理员设置,请先修改密码后再使用系统",
    en: "Your password was set by an administrator; change it before using the system",
  },
  MFA_CODE_INVALID: { status: 401, zh: "动态口令或恢复码不正确", en: "The code or recovery code is not correct" },
  MFA_CHALLENGE_INVALID: {
    status: 401,
    zh: "登录步骤已失效,请重新输入用户名和密码",
    en: "This sign-in step has expired; enter your username and password again",
  },
  MFA_NOT_ENROLLED: { status: 409, zh: "该账号未启用动态口令", en: "This account has no authenticator set up" },
  MFA_ALREADY_ENROLLED: { status: 409, zh: "该账号已启用动态口令", en: "This account already has an authenticator" },
  MFA_REQUIRED_BY_POLICY: {
    status: 409,
    zh: "安全策略要求该账号使用动态口令,不能停用",
    en: "The security policy requires an authenticator for this account; it cannot be turned off",
  },
  CURRENT_PASSWORD_WRONG: { status: 422, zh: "当前密码不正确", en: "The current password is not correct" },
  SETUP_CODE_INVALID: { status: 403, zh: "初始化码不正确", en: "The setup code is not correct" },
  SETUP_ALREADY_DONE: {
    status: 409,
    zh: "系统已完成初始化,请直接登录",
    en: "The system has already been set up; sign in instead",
  },
  FORBIDDEN: { status: 403, zh: "无权执行此操作", en: "You are not allowed to do this" },
  ACTION_NOT_PERMITTED: {
    status: 403,
    zh: "当前角色或单位无权执行该操作",
    en: "Your role or unit may not take this action on this case",
  },
  NOT_FOUND: { status: 404, zh: "资源不存在", en: "Not found" },
  ROUTE_NOT_FOUND: { status: 404, zh: "接口不存在", en: "No such endpoint" },
  CASE_NOT_FOUND: { status: 404, zh: "案件不存在", en: "Case not found" },
  CALLER_NOT_FOUND: { status: 404, zh: "该案件没有这位附议来电人", en: "No such caller on this case" },
  UNIT_NOT_FOUND: { status: 404, zh: "单位不存在", en: "Unit not found" },
  UNKNOWN_ACTION: { status: 404, zh: "未知的案件操作", en: "Unknown case action" },
  USER_NOT_FOUND: { status: 404, zh: "账号不存在", en: "User not found" },
  DIVISION_NOT_FOUND: { status: 404, zh: "行政区划不存在", en: "Division not found" },
  GRID_NOT_FOUND: { status: 404, zh: "网格不存在", en: "Grid not found" },
  PATROL_NOT_FOUND: { status: 404, zh: "巡查记录不存在", en: "Patrol not found" },
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
  GRID_OUT_OF_UNIT: {
    status: 422,
    zh: "网格不在该账号所属单位的辖区内",
    en: "The grid lies outside the area of the account's unit",
  },
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
  PATROL_ENDED: { status: 409, zh: "该巡查已结束", en: "This patrol has already ended" },
  INVALID_PATROL_TIME: {
    status: 422,
    zh: "巡查时间不合理(早于开始、晚于结束或在未来)",
    en: "The patrol time is not plausible (before the start, after the end or in the future)",
  },
  RATE_LIMITED: { status: 429, zh: "请求过于频繁,请稍后再试", en: "Too many requests; please try again later" },
  // citizens' portal (/p/)
  PUBLIC_TOKEN_INVALID: {
    status: 401,
    zh: "页面会话无效,请刷新页面后重试",
    en: "This page's session is not valid; reload the page and try again",
  },
  RECEIPT_NOT_FOUND: {
    status: 404,
    zh: "查询码不存在,请核对后重试",
    en: "No report has this receipt code; check it and try again",
  },
  PHONE_BANNED: {
    status: 403,
    zh: "该手机号已被限制使用本平台,如有疑问请拨打12345热线",
    en: "This phone number is barred from the portal; call the 12345 hotline if you think this is wrong",
  },
  OTP_UNAVAILABLE: {
    status: 503,
    zh: "短信验证码服务暂未开通,可不留手机号直接提交",
    en: "Text-message codes are not available yet; you can submit without a phone number",
  },
  OTP_REQUIRED: { status: 422, zh: "请先获取并填写手机验证码", en: "Request a code and enter it to give your phone" },
  OTP_INVALID: { status: 422, zh: "验证码不正确", en: "The code is not correct" },
  OTP_EXPIRED: { status: 422, zh: "验证码已失效,请重新获取", en: "The code has expired; request a new one" },
  OTP_ATTEMPTS_EXCEEDED: {
    status: 422,
    zh: "验证码错误次数过多,请重新获取",
    en: "Too many wrong codes; request a new one",
  },
  LOCATION_REQUIRED: {
    status: 422,
    zh: "请在地图上选择问题位置或填写地址",
    en: "Choose the place on the map or give an address",
  },
  ADDRESS_NOT_RESOLVED: {
    status: 422,
    zh: "无法根据地址确定位置,请在地图上标出问题位置",
    en: "The address could not be placed; mark the place on the map",
  },
  PHONE_ALREADY_BANNED: { status: 409, zh: "该手机号已在禁用名单中", en: "This phone number is already barred" },
  BANNED_PHONE_NOT_FOUND: { status: 404, zh: "该手机号不在禁用名单中", en: "This phone number is not barred" },
  // Open311 GeoReport v2 (/open311/v2): rendered there as [{code, description}]
  OPEN311_API_KEY_INVALID: { status: 403, zh: "api_key 缺失或无效", en: "Missing or invalid api_key" },
  OPEN311_JURISDICTION_NOT_FOUND: {
    status: 404,
    zh: "jurisdiction_id 不是本平台服务的辖区",
    en: "jurisdiction_id is not served by this endpoint",
  },
  OPEN311_SERVICE_NOT_FOUND: { status: 404, zh: "service_code 不存在", en: "service_code not found" },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, zh: "service_request_id 不存在", en: "service_request_id not found" },
  OPEN311_TOKEN_NOT_FOUND: { status: 404, zh: "token 不存在", en: "token not found" },
  OPEN311_FORMAT_UNSUPPORTED: {
    status: 404,
    zh: "不支持的格式,请使用 .json 或 .xml",
    en: "Unsupported format; use .json or .xml",
  },
  OPEN311_LOCATION_REQUIRED: {
    status: 400,
    zh: "必须提供 lat 和 long、address_string 或 address_id 之一",
    en: "One of lat & long, address_string or address_id is required",
  },
  OPEN311_ADDRESS_NOT_RESOLVED: {
    status: 400,
    zh: "无法根据 address_string 或 address_id 确定本市的社区或街道",
    en: "address_string or address_id does not name a community or township of this city",
  },
  OPEN311_DATE_RANGE_INVALID: {
    status: 400,
    zh: "start_date 须早于 end_date,且范围不超过 90 天",
    en: "start_date must be before end_date and the range may not span more than 90 days",
  },
  OPEN311_CLIENT_NOT_FOUND: { status: 404, zh: "Open311 接入应用不存在", en: "Open311 client not found" },
  // 12345 hotline desk: bulk import of tickets
  IMPORT_NOT_FOUND: { status: 404, zh: "导入记录不存在", en: "Import not found" },
  IMPORT_ALREADY_COMMITTED: {
    status: 409,
    zh: "该批次已导入(或正在导入),请重新上传文件",
    en: "This import has already been committed (or is being committed); upload the file again",
  },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    zh: "无法读取文件,请上传 CSV(UTF-8 或 GBK)或 XLSX 文件",
    en: "The file cannot be read; upload a CSV (UTF-8 or GBK) or an XLSX file",
  },
  IMPORT_FILE_EMPTY: {
    status: 422,
    zh: "文件中没有表头或数据行",
    en: "The file has no header row or no data rows",
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 422,
    zh: "文件行数超过上限,请拆分后分批导入",
    en: "The file has too many rows; split it and import the parts",
  },
  IMPORT_MAPPING_INVALID: {
    status: 422,
    zh: "列对应关系不正确",
    en: "The column mapping is not valid",
  },
  // emergency mode (应急指挥)
  INCIDENT_NOT_FOUND: { status: 404, zh: "应急事件不存在", en: "Incident not found" },
  INCIDENT_TASK_NOT_FOUND: { status: 404, zh: "应急任务不存在", en: "Incident task not found" },
  INCIDENT_AREA_INVALID: {
    status: 422,
    zh: "事件区域不合法:多边形至少 3 个不同的点,边不能自相交",
    en: "The incident area is not valid: a polygon needs at least 3 distinct points and edges that do not cross",
  },
  INCIDENT_AREA_EMPTY: {
    status: 422,
    zh: "事件区域内没有本辖区的网格",
    en: "The incident area holds no grid of your jurisdiction",
  },
  INCIDENT_GRIDS_UNAVAILABLE: {
    status: 422,
    zh: "所选网格不存在或不在本辖区内",
    en: "Some chosen grids do not exist or lie outside your jurisdiction",
  },
  INCIDENT_TOO_MANY_GRIDS: {
    status: 422,
    zh: "事件区域包含的网格超过 {max} 个,请缩小范围",
    en: "The incident area holds more than {max} grids; make it smaller",
  },
  INCIDENT_CLOSED: { status: 409, zh: "应急事件已结束", en: "The incident is closed" },
  INCIDENT_CHANGED: {
    status: 409,
    zh: "应急事件已被他人更新,请刷新后重试",
    en: "The incident changed meanwhile; reload and retry",
  },
  // assessment (综合评价)
  PERIOD_INVALID: {
    status: 400,
    zh: "统计时段不合法:开始日期不能晚于结束日期,跨度不超过 {maxDays} 天",
    en: "The period is not valid: it must start no later than it ends and span at most {maxDays} days",
  },
  REPORT_FONT_UNAVAILABLE: {
    status: 503,
    zh: "服务器未安装中文字体,暂不能生成 PDF 报告",
    en: "No Chinese font is installed on the server; the PDF report cannot be generated",
  },
  // common problems and trends (共性问题 / 分析研判, docs/analysis.md)
  ANALYSIS_ALERT_NOT_FOUND: { status: 404, zh: "预警不存在", en: "Alert not found" },
  ANALYSIS_ALERT_STATE: {
    status: 409,
    zh: "该预警当前状态不允许此操作(已派治理任务的预警不能忽略或重开)",
    en: "The alert's state does not allow this (an alert with a governance task cannot be dismissed or reopened)",
  },
  ANALYSIS_ALERT_CHANGED: {
    status: 409,
    zh: "该预警已被他人处理,请刷新后重试",
    en: "The alert changed meanwhile; reload and retry",
  },
  ANALYSIS_NO_CASES: {
    status: 422,
    zh: "该预警的时段内没有可见的案件,无法确定治理任务的位置",
    en: "No case behind the alert is visible in its window, so the governance task has no place",
  },
  // classification and auto-dispatch (智能分派, docs/classification.md)
  MODEL_VERSION_NOT_FOUND: { status: 404, zh: "模型版本不存在", en: "Model version not found" },
  MODEL_VERSION_PRUNED: {
    status: 409,
    zh: "该模型版本只保留了评估指标,模型本身已清理,不能启用",
    en: "Only the figures of this model version are kept (the model was pruned); it cannot be activated",
  },
  MODEL_TRAINED_RECENTLY: {
    status: 409,
    zh: "模型刚刚训练过,请 {minutes} 分钟后再重新训练",
    en: "The models were trained a moment ago; retrain again in {minutes} minutes",
  },
  NOT_ENOUGH_TRAINING_DATA: {
    status: 422,
    zh: "已办结案件太少,暂不能训练模型(至少需要 {minimum} 件)",
    en: "Too few closed cases to train a model (at least {minimum} are needed)",
  },
  INTERNAL: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
  SERVICE_UNAVAILABLE: { status: 503, zh: "服务暂不可用", en: "Service temporarily unavailable" },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}
