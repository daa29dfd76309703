// The backup file: gzip'd JSON lines.
//   {"format":"gloss-backup","version":1,"takenAt":…,"migrations":[…]}     the header
//   {"table":"User","columns":["id",…]}                                    a table starts
//   {"id":"…",…}                                                           one line per row (json/jsonb values as their text)
//   {"end":"User","rows":42}                                                the table ends
//   {"sequences":{"name":{"value":"7","called":true}}}
//   {"done":true}                                                          a file without it was cut short
export const BACKUP_FORMAT = "gloss-backup";
export const BACKUP_VERSION = 1;

export type BackupHeader = { format: string; version: number; takenAt: string; migrations: string[] };
export type BackupSummary = { tables: Record<string, number>; migrations: string[] };
