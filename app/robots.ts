import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/env";
import { robotsRules } from "@/lib/feeds/build-sitemap";

// The site's address comes from the environment at run time.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(siteUrl());
}
