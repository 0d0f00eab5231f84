// Words of the admin screens: zh (default) and en, same keys.
export const adminZh = {} as const;

export const adminEn: Record<keyof typeof adminZh, string> = {};
