"use client";
import { type ReactNode, useEffect } from "react";
import { loadPersonal, type Personal, PersonalSeed } from "./personal-store";

/** Asks for the article's personal layer once the page has hydrated. Renders nothing. */
export function PersonalLoader({ slug }: { slug: string }) {
  useEffect(() => {
    void loadPersonal(slug);
  }, [slug]);
  return null;
}

/** A per-request render (the no-JavaScript reply page) hands its server-side personal layer down. */
export function PersonalSeedProvider({ data, children }: { data: Personal; children: ReactNode }) {
  return <PersonalSeed value={data}>{children}</PersonalSeed>;
}
