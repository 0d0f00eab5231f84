// Case fields the workbench API adds on top of lib/types.ts (docs/api-workbench.md).
import type { CaseDetail } from "../../lib/types.ts";

export interface CasePhoto {
  id: string;
  /** the cleaned original */
  url: string;
  /** a small WebP for lists (older servers: absent) */
  thumbnailUrl?: string;
  stage: "report" | "feedback" | "verify";
  uploadedAt: string;
}

export type CaseView = CaseDetail & { photos?: CasePhoto[]; categoryName?: string | null };

export interface UploadedPhoto {
  id: string;
  contentType: string;
  size: number;
  width?: number;
  height?: number;
  url: string;
  thumbnailUrl?: string;
}
