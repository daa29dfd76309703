export const PRISMA_ADVISORY_LOCK: number;
export class MigrationError extends Error {
  migration?: string;
}
export interface Migration {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}
export function readMigrations(dir: string): Migration[];
export function checksum(sql: string): string;
export function applyMigrations(
  url: string,
  options: {
    dir: string;
    log?: (line: string) => void;
    lockTimeoutMs?: number;
    beforeEach?: (m: Migration) => unknown;
  },
): Promise<{ applied: string[]; skipped: number }>;
