// "Continue with GitHub": which address a new account gets, and whether Gloss may trust it
// (issue 13). GitHub's /user profile carries no "verified" flag — only /user/emails does (the
// `user:email` scope Auth.js asks for). An address counts as confirmed only when that list says
// GitHub verified it; when the list cannot be had, the account starts unconfirmed and is mailed a
// link, like a sign-up (lib/users/email-confirmation.ts).

/** One entry of GET https://api.github.com/user/emails. */
export type GitHubEmail = { email: string; primary?: boolean; verified?: boolean };

export type GitHubProfile = {
  id: number | string;
  login?: string;
  name?: string | null;
  email?: string | null;
  avatar_url?: string | null;
  /** Added by githubUserinfo: the account's addresses, or null when GitHub did not give them. */
  emails?: GitHubEmail[] | null;
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The address to use and whether GitHub verified it: the public address when it is verified, else
 * the primary one when verified, else any verified one; with none verified (or no list), the
 * address GitHub shows, unconfirmed. The decision, apart from the network.
 */
export function githubAddress(
  profile: Pick<GitHubProfile, "email">,
  emails: GitHubEmail[] | null | undefined,
): { email: string | null; emailConfirmed: boolean } {
  const list = Array.isArray(emails) ? emails.filter((e) => typeof e?.email === "string" && e.email.includes("@")) : [];
  const shown = profile.email ?? null;
  const verified = list.filter((e) => e.verified === true);
  const pick =
    (shown ? verified.find((e) => same(e.email, shown)) : undefined) ??
    verified.find((e) => e.primary === true) ??
    verified[0];
  if (pick) return { email: pick.email, emailConfirmed: true };
  return { email: shown ?? list.find((e) => e.primary)?.email ?? list[0]?.email ?? null, emailConfirmed: false };
}

/** The account Auth.js makes from a GitHub profile (githubUserinfo's answer). */
export function githubUser(profile: GitHubProfile) {
  const { email, emailConfirmed } = githubAddress(profile, profile.emails);
  return {
    id: String(profile.id),
    name: profile.name || profile.login || "GitHub user",
    email,
    image: profile.avatar_url ?? null,
    emailConfirmed,
  };
}

/**
 * Auth.js's userinfo request for GitHub: the profile, then its addresses. A failed address list
 * (network, scope not granted) leaves `emails` null: the account is then treated as unconfirmed.
 */
export async function githubUserinfo(
  accessToken: string,
  apiBaseUrl = "https://api.github.com",
  fetcher: typeof fetch = fetch,
): Promise<GitHubProfile> {
  const headers = { Authorization: `Bearer ${accessToken}`, "User-Agent": "gloss", Accept: "application/json" };
  const profile = (await (await fetcher(`${apiBaseUrl}/user`, { headers })).json()) as GitHubProfile;
  let emails: GitHubEmail[] | null = null;
  try {
    const res = await fetcher(`${apiBaseUrl}/user/emails`, { headers });
    if (res.ok) {
      const body: unknown = await res.json();
      emails = Array.isArray(body) ? (body as GitHubEmail[]) : null;
    }
  } catch {
    emails = null;
  }
  return { ...profile, emails };
}
