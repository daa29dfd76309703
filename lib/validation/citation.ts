import { z } from "zod";
import { MAX_CITED_QUOTE } from "@/lib/citations/passage-link";

// A "Cite this passage" link's W3C TextQuoteSelector, from the article page's query
// (?passage=<exact>&prefix=…&suffix=…): the quote as long as an annotation's may be.

export const citedPassageSchema = z.object({
  passage: z
    .string()
    .max(MAX_CITED_QUOTE)
    .refine((s) => s.trim().length > 0),
  prefix: z.string().max(500).default(""),
  suffix: z.string().max(500).default(""),
});

export type CitedPassageQuery = z.infer<typeof citedPassageSchema>;
