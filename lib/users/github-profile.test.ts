import { describe, expect, it } from "vitest";
import { githubAddress, githubUser, githubUserinfo } from "./github-profile";

// Issue 13: a GitHub account's address is trusted only when GitHub says it verified it.
describe("githubAddress: which address, and whether GitHub verified it", () => {
  it("trusts the public address when the list says it is verified", () => {
    expect(
      githubAddress({ email: "Ada@Example.org" }, [
        { email: "ada@example.org", primary: false, verified: true },
        { email: "main@example.org", primary: true, verified: true },
      ]),
    ).toEqual({ email: "ada@example.org", emailConfirmed: true });
  });

  it("prefers a verified primary address to an unverified public one", () => {
    expect(
      githubAddress({ email: "shown@example.org" }, [
        { email: "shown@example.org", primary: false, verified: false },
        { email: "main@example.org", primary: true, verified: true },
      ]),
    ).toEqual({ email: "main@example.org", emailConfirmed: true });
    expect(
      githubAddress({ email: null }, [
        { email: "other@example.org", verified: true },
        { email: "main@example.org", primary: true, verified: true },
      ]),
    ).toEqual({ email: "main@example.org", emailConfirmed: true });
    expect(githubAddress({ email: null }, [{ email: "only@example.org", verified: true }])).toEqual({
      email: "only@example.org",
      emailConfirmed: true,
    });
  });

  it("with no verified address, keeps the shown one but unconfirmed", () => {
    expect(
      githubAddress({ email: "shown@example.org" }, [{ email: "shown@example.org", primary: true, verified: false }]),
    ).toEqual({ email: "shown@example.org", emailConfirmed: false });
    expect(githubAddress({ email: null }, [{ email: "main@example.org", primary: true }])).toEqual({
      email: "main@example.org",
      emailConfirmed: false,
    });
  });

  it("without the list (network, scope refused), the profile alone is not trusted", () => {
    expect(githubAddress({ email: "shown@example.org" }, null)).toEqual({
      email: "shown@example.org",
      emailConfirmed: false,
    });
    expect(githubAddress({ email: null }, undefined)).toEqual({ email: null, emailConfirmed: false });
    // Junk in the list is ignored, never trusted.
    expect(
      githubAddress({ email: "shown@example.org" }, [
        { email: "not-an-address", verified: true },
        null as never,
        { email: 42 as never, verified: true },
      ]),
    ).toEqual({ email: "shown@example.org", emailConfirmed: false });
  });

  it("githubUser builds the account Auth.js stores (emailConfirmed included)", () => {
    expect(
      githubUser({
        id: 7,
        login: "ada",
        name: null,
        email: "ada@example.org",
        avatar_url: "https://avatars.example/7",
        emails: [{ email: "ada@example.org", primary: true, verified: true }],
      }),
    ).toEqual({
      id: "7",
      name: "ada",
      email: "ada@example.org",
      image: "https://avatars.example/7",
      emailConfirmed: true,
    });
    expect(githubUser({ id: 8, login: "bob", email: "bob@example.org" }).emailConfirmed).toBe(false);
  });
});

describe("githubUserinfo: asks for the profile, then the address list", () => {
  const profile = { id: 1, login: "ada", email: "ada@example.org" };
  const answer = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("adds the list GitHub gives, sending the token to both endpoints", async () => {
    const seen: string[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      seen.push(`${url} ${(init?.headers as Record<string, string>).Authorization}`);
      return url.endsWith("/user/emails")
        ? answer([{ email: "ada@example.org", primary: true, verified: true }])
        : answer(profile);
    }) as typeof fetch;
    const info = await githubUserinfo("tok", "https://api.example", fake);
    expect(seen).toEqual(["https://api.example/user Bearer tok", "https://api.example/user/emails Bearer tok"]);
    expect(githubUser(info).emailConfirmed).toBe(true);
  });

  it("a refused or failed address list leaves the account unconfirmed", async () => {
    const refused = (async (url: string) =>
      url.endsWith("/user/emails") ? answer({ message: "Not Found" }, 404) : answer(profile)) as typeof fetch;
    expect(await githubUserinfo("tok", "https://api.example", refused)).toMatchObject({ emails: null });
    const offline = (async (url: string) => {
      if (url.endsWith("/user/emails")) throw new TypeError("fetch failed");
      return answer(profile);
    }) as typeof fetch;
    const info = await githubUserinfo("tok", "https://api.example", offline);
    expect(githubUser(info)).toMatchObject({ email: "ada@example.org", emailConfirmed: false });
  });
});
