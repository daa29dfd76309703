import { expect, test } from "@playwright/test";
import { articlePath, commentsRegion, postComment, seedDiscussion } from "../fixtures/discussion";
import { newUserData, signIn } from "../fixtures/users";

// Each test seeds through a child process and loads several pages: more than the default 30 s
// on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

// One inline Markdown link only: two or more links would hold the comment for moderation, and
// this spec needs it shown to every reader.
const payloads = [
  "<img src=x onerror=alert('img')>",
  "<script>alert('script')</script>",
  "<svg onload=alert('svg')>",
  "<iframe src=\"javascript:alert('iframe')\"></iframe>",
  "[click me](javascript:alert('link'))",
  "[encoded][ref]\n\n[ref]: jav&#x09;ascript:alert('tab')",
  "<a href=\"javascript:alert('anchor')\">raw anchor</a>",
  "<details open ontoggle=alert('details')>",
];

test("a comment whose body is an XSS payload renders as text, and no dialog is ever raised", async ({
  page,
  browser,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const user = newUserData("xss");
  const { slug } = seedDiscussion({ users: [user] });
  await signIn(page, user.email, user.password);
  await page.goto(articlePath(slug));

  const id = await postComment(page, payloads.join("\n\n"));
  const comment = page.locator(`#comment-${id}`);
  await expect(comment).not.toContainText("awaiting moderation");

  // Raw HTML is shown as the text that was typed; Markdown links with unsafe URLs keep only their text.
  for (const raw of payloads.filter((p) => p.startsWith("<"))) await expect(comment).toContainText(raw);
  await expect(comment).toContainText("click me");
  await expect(comment).toContainText("encoded");
  const region = commentsRegion(page);
  await expect(region.locator("img, script, svg, iframe, details, object, embed")).toHaveCount(0);
  await expect(region.locator("a[href^='javascript' i], a[href*='script:' i]")).toHaveCount(0);
  await expect(comment.locator("[onerror], [onload], [ontoggle], [onclick]")).toHaveCount(0);
  await comment.getByText("click me").click();
  await comment.getByText("encoded").click();

  // Again on a fresh load, and for an anonymous reader (the cached page).
  await page.reload();
  await expect(page.locator(`#comment-${id}`)).toContainText(payloads[0]);
  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  anonPage.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await anonPage.goto(`${articlePath(slug)}#comment-${id}`);
  await expect(anonPage.locator(`#comment-${id}`)).toContainText(payloads[1]);
  await anonPage.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await anonymous.close();
  expect(dialogs).toEqual([]);
});
