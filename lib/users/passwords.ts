import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended cost (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// A hash of a random password: verifying against it spends the same time when no account matches.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await verify(target, password);
    return ok && !!storedHash;
  } catch {
    return false;
  }
}
