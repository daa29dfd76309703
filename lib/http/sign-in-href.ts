const accountPages = /^\/(signin|signup|forgot-password|reset-password)(\/|$)/;

/** Where "Sign in" should lead from the page the browser shows now: back here afterwards (pure). */
export function signInHrefFor(loc: { pathname: string; search: string; hash: string }): string {
  // From the account pages themselves, keep the page they were asked to return to.
  if (accountPages.test(loc.pathname)) {
    const back = new URLSearchParams(loc.search).get("returnTo");
    return back ? `/signin?returnTo=${encodeURIComponent(back)}` : "/signin";
  }
  const here = `${loc.pathname}${loc.search}${loc.hash}`;
  return here === "/" ? "/signin" : `/signin?returnTo=${encodeURIComponent(here)}`;
}
