// The demo's accounts, one per role the brief names. All share the demo password.
import type { Role } from "@civicgrid/shared";
import { ADMIN_UNIT, CITY_CODE, centreCode, departmentCode, HOTLINE_UNIT, stationCode } from "./units.ts";

export interface DemoAccount {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
}

export const TIEXI = "210303000000";
export const TIEDONG = "210302000000";
export const BAJIAZI = "210303003000";
export const YUHUA = "210303003003";
export const CHANGDA = "210302002010";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "city_dispatcher",
    displayName: "市中心调度员 王磊",
    unitCode: centreCode(CITY_CODE),
    roles: ["city_centre"],
  },
  { username: "tiexi_center", displayName: "铁西区中心 李娜", unitCode: centreCode(TIEXI), roles: ["district_centre"] },
  {
    username: "tiedong_center",
    displayName: "铁东区中心 赵强",
    unitCode: centreCode(TIEDONG),
    roles: ["district_centre"],
  },
  {
    username: "bajiazi_center",
    displayName: "八家子街道中心 张伟",
    unitCode: centreCode(BAJIAZI),
    roles: ["township_centre"],
  },
  {
    username: "yuhua_station",
    displayName: "裕华社区工作站 刘芳",
    unitCode: stationCode(YUHUA),
    roles: ["community_station"],
  },
  {
    username: "yuhua_grid01",
    displayName: "裕华社区网格员 陈静",
    unitCode: stationCode(YUHUA),
    roles: ["grid_worker"],
  },
  {
    username: "jiefang_station",
    displayName: "长大社区工作站 孙丽",
    unitCode: stationCode(CHANGDA),
    roles: ["community_station"],
  },
  { username: "hotline_agent", displayName: "12345话务员 周敏", unitCode: HOTLINE_UNIT, roles: ["hotline_agent"] },
  {
    username: "dept_water",
    displayName: "市水务局 吴刚",
    unitCode: departmentCode(CITY_CODE, "water"),
    roles: ["department_handler"],
  },
  {
    username: "tiexi_urban",
    displayName: "铁西区城管执法局 郑军",
    unitCode: departmentCode(TIEXI, "urban_management"),
    roles: ["department_handler"],
  },
  { username: "leader", displayName: "市领导(只读)", unitCode: centreCode(CITY_CODE), roles: ["leader"] },
  { username: "sysadmin", displayName: "系统管理员", unitCode: ADMIN_UNIT, roles: ["system_admin"] },
  { username: "secadmin", displayName: "安全管理员", unitCode: ADMIN_UNIT, roles: ["security_admin"] },
  { username: "auditor", displayName: "安全审计员", unitCode: ADMIN_UNIT, roles: ["auditor"] },
];
