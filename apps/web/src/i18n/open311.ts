// Words of the Open311 client administration (系统管理 → Open311 接入): zh (default) and en, same
// keys. Every key starts with "o311" so it never collides with another area's dictionary.
export const open311Zh = {
  o311Tab: "Open311 接入",
  o311Intro:
    "第三方应用(市民随手拍 App、企业平台等)通过 Open311 GeoReport v2 接口提交问题,接口地址 {url}。每个应用使用自己的 API key 提交(POST),查询无需 key。",
  o311Docs: "接入说明见 docs/open311.md",
  o311Create: "新建接入应用",
  o311Name: "应用名称",
  o311NameRequired: "请填写应用名称",
  o311KeyPrefix: "Key 前缀",
  o311CreatedBy: "创建人",
  o311CreatedBySystem: "系统(演示数据)",
  o311LastUsed: "最近提交",
  o311Never: "从未",
  o311Requests: "已提交",
  o311Created: "已创建接入应用",
  o311KeyTitle: "「{name}」的 API key",
  o311KeyOnce: "API key 只显示这一次,系统仅保存其摘要。请立即复制并交给应用的开发者;遗失后只能新建应用。",
  o311KeyDone: "我已保存",
  o311DisableConfirm: "停用「{name}」?停用后该应用的 API key 立即失效(返回 403)。",
  o311EnableConfirm: "重新启用该应用的 API key?",
  o311Disabled: "已停用",
  o311Enabled: "已启用",
  o311Empty: "暂无接入应用",
};

export const open311En: Record<keyof typeof open311Zh, string> = {
  o311Tab: "Open311",
  o311Intro:
    "Third-party apps (citizen reporting apps, company platforms…) submit problems through the Open311 GeoReport v2 API at {url}. Each app POSTs with its own API key; reading needs no key.",
  o311Docs: "How to connect: docs/open311.md",
  o311Create: "New client",
  o311Name: "Application name",
  o311NameRequired: "Enter the application's name",
  o311KeyPrefix: "Key prefix",
  o311CreatedBy: "Created by",
  o311CreatedBySystem: "System (demo)",
  o311LastUsed: "Last request",
  o311Never: "Never",
  o311Requests: "Requests",
  o311Created: "Client created",
  o311KeyTitle: "API key of “{name}”",
  o311KeyOnce:
    "The API key is shown only this once; only its digest is stored. Copy it now and hand it to the app's developers; if lost, create a new client.",
  o311KeyDone: "I have saved it",
  o311DisableConfirm: "Disable “{name}”? Its API key stops working at once (403).",
  o311EnableConfirm: "Enable this client's API key again?",
  o311Disabled: "Disabled",
  o311Enabled: "Enabled",
  o311Empty: "No clients yet",
};
