import crypto from "node:crypto";

// Names no other test uses: tests share one database, so every row a test makes is its own.

/** `label-` and ten hex digits. */
export const unique = (label: string) => `${label}-${crypto.randomBytes(5).toString("hex")}`;

/** A slug no other test uses. */
export const uniqueSlug = (label = "studio") => unique(label);

/** A made-up word no other article contains (letters only, so the English stemmer keeps it whole). */
export const uniqueWord = (prefix = "zq") =>
  prefix + [...crypto.randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join("");

/** An address no other test uses, on the reserved .test domain. */
export function uniqueEmail(label = "user") {
  return `${label}-${crypto.randomBytes(6).toString("hex")}@gloss.test`;
}

/** A made-up client address, so per-IP limits of different tests never meet. */
export function uniqueIp() {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}
