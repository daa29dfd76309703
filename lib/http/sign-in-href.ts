/** The sign-in page, coming back to `returnTo` (a same-site path, encoded once) afterwards. */
export function signInHref(returnTo?: string | null): string {
  return !returnTo || returnTo === "/" ? "/signin" : `/signin?returnTo=${encodeURIComponent(returnTo)}`;
}

const accountPages = /^\/(signin|signup|forgot-password|reset-password)(\/|$)/;

/** Where "Sign in" should lead from the page the browser shows now: back here afterwards (pure). */
export function signInHrefFor(loc: { pathname: string; search: string; hash: string }): string {
  // From the account pages themselves, keep the page they were asked to return to.
  if (accountPages.test(loc.pathname)) {
    const back = new URLSearchParams(loc.search).get("returnTo");
    return signInHref(back);
  }
  return signInHref(`${loc.pathname}${loc.search}${loc.hash}`);
}
