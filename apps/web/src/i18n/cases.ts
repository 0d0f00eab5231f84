// Words of the cases screens: zh (default) and en, same keys.
export const casesZh = {} as const;

export const casesEn: Record<keyof typeof casesZh, string> = {};
