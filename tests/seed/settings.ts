import { db } from "@/lib/db";
import { type Settings, setSetting } from "@/lib/settings/get-settings";

/** Runs `fn` with settings changed, then puts each setting back as it was (tests share one database). */
export async function withSettings<T>(values: Partial<Settings>, fn: () => Promise<T>): Promise<T> {
  const keys = Object.keys(values) as (keyof Settings)[];
  const before = await db.setting.findMany({ where: { key: { in: keys } } });
  try {
    for (const k of keys) await setSetting(k, values[k] as Settings[typeof k]);
    return await fn();
  } finally {
    for (const k of keys) {
      const old = before.find((b) => b.key === k);
      if (old) await db.setting.update({ where: { key: k }, data: { value: old.value as object } });
      else await db.setting.deleteMany({ where: { key: k } });
    }
  }
}

/** Runs `fn` with one setting changed. */
export const withSetting = <K extends keyof Settings, T>(
  key: K,
  value: Settings[K],
  fn: () => Promise<T>,
): Promise<T> => withSettings({ [key]: value } as Partial<Settings>, fn);
