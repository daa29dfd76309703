import { describe, expect, it } from "vitest";
import { formatUtc } from "@/lib/dates/format-utc";
import { accountAge, auditActionLabel, describeChange, plainTextOfHtml, reasonLabel } from "./describe";

describe("reasonLabel", () => {
  it("says every reason code in words", () => {
    expect(reasonLabel("first_comment", 2)).toBe("Held as a first contribution");
    expect(reasonLabel("links", 2)).toBe("2+ links");
    expect(reasonLabel("links", 4)).toBe("4+ links");
    expect(reasonLabel("word:casino", 2)).toBe("Word: casino");
    expect(reasonLabel("reported:3", 2)).toBe("Reported by 3 readers");
    expect(reasonLabel("reported:1", 2)).toBe("Reported by 1 reader");
    expect(reasonLabel("all_held", 2)).toBe("Everything is held");
    expect(reasonLabel("manual", 2)).toBe("Manual");
    expect(reasonLabel("banned_author", 2)).toBe("Banned author");
    expect(reasonLabel("something_new", 2)).toBe("something_new");
  });
});

describe("accountAge", () => {
  const now = new Date("2030-06-01T12:00:00Z");
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  it("is coarse: today, days, months, years", () => {
    expect(accountAge(ago(0.5), now)).toBe("today");
    expect(accountAge(ago(1), now)).toBe("1 day");
    expect(accountAge(ago(45), now)).toBe("45 days");
    expect(accountAge(ago(90), now)).toBe("2 months");
    expect(accountAge(ago(800), now)).toBe("2 years");
  });
});

describe("audit entries in words", () => {
  it("names actions and shows before → after", () => {
    expect(auditActionLabel("spam")).toBe("Marked as spam");
    expect(auditActionLabel("other")).toBe("other");
    expect(describeChange({ status: "pending" }, { status: "approved" })).toEqual(["status: pending → approved"]);
    expect(describeChange({ role: "commenter" }, { role: "moderator", email: "a@b.test" })).toEqual([
      "role: commenter → moderator",
    ]);
    expect(
      describeChange(
        { status: "active", bannedUntil: null },
        { status: "banned", bannedUntil: "2030-06-08T12:00:00.000Z", duration: "7d" },
      ),
    ).toEqual(["status: active → banned", "bannedUntil: none → 8 Jun 2030, 12:00 UTC", "duration: 7 days"]);
    expect(describeChange({ moderationWords: [] }, { moderationWords: ["casino", "loan"] })).toEqual([
      "moderationWords: none → casino, loan",
    ]);
    expect(describeChange(null, null)).toEqual([]);
  });
});

describe("formatUtc", () => {
  it("writes a moment as the UI does elsewhere", () => {
    expect(formatUtc(new Date("2026-11-27T04:34:17Z"))).toBe("27 Nov 2026, 04:34 UTC");
    expect(formatUtc("2026-01-05T23:59:59Z")).toBe("5 Jan 2026, 23:59 UTC");
  });
});

describe("plainTextOfHtml", () => {
  it("reads a rendered comment as plain text, without Markdown or tags", () => {
    expect(
      plainTextOfHtml(
        "<p>Against <em>aggression</em> in <strong>writing</strong>: a \\ b &amp; c &lt;d&gt; &#8212; &#x2019;</p>",
      ),
    ).toBe("Against aggression in writing: a \\ b & c <d> — ’");
    expect(plainTextOfHtml("<p>One.</p>\n<p>Two<br>three</p><ul><li>four</li><li>five</li></ul>")).toBe(
      "One. Two three four five",
    );
    expect(plainTextOfHtml("<blockquote><p>quoted</p></blockquote><p>reply &unknown; text</p>")).toBe(
      "quoted reply &unknown; text",
    );
    expect(plainTextOfHtml("")).toBe("");
  });
});
