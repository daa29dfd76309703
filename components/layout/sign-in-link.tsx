"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signInHrefFor } from "@/lib/http/sign-in-href";

// The header's "Sign in". The header HTML is cached with anonymous pages (one copy per URL, and
// the hash never reaches the server), so the server writes plain /signin and the browser points
// it back at the current page: on mount, after client navigations, and again as it is used
// (the hash may have changed since).
export function SignInLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const [href, setHref] = useState("/signin");
  useEffect(() => {
    const update = () => setHref(signInHrefFor(location));
    update();
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, [pathname]);
  const refresh = (e: { currentTarget: HTMLAnchorElement }) => {
    e.currentTarget.href = signInHrefFor(location);
  };
  return (
    <a href={href} className={className} onPointerDown={refresh} onFocus={refresh} onClick={refresh}>
      Sign in
    </a>
  );
}
