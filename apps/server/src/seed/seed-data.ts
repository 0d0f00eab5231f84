// Reads the compact reference data committed under apps/server/seed-data (generated from ../shared by
// the scripts in /scripts; never read from ../shared at run time).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DepartmentKind, DivisionLevel, HandlerKind } from "@civicgrid/shared";
import { serverRoot } from "../lib/paths.ts";

export function readSeedJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(serverRoot(), "seed-data", name), "utf8")) as T;
}

export type DivisionTuple = [code: string, name: string, parentCode: string | null, level: DivisionLevel];
export type GridTuple = [code: string, communityCode: string, name: string, coordinates: number[][][][]];

export interface CategorySeed {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface DepartmentSeed {
  kind: DepartmentKind;
  nameCity: string;
  nameDistrictSuffix: string | null;
  nameEn: string;
  levels: ("city" | "district")[];
  /** official name of each district's unit, by district code */
  districtNames: Record<string, string>;
}

export interface ResponsibilitySeed {
  categoryCode: string;
  handlerKind: HandlerKind;
  level: DivisionLevel;
  limitDays: number;
  territorial: boolean;
}

export interface CalendarSeed {
  years: Record<string, { holidays: string[]; workdays: string[] }>;
}
