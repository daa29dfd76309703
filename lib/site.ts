// The publication this Gloss instance serves (one per instance for now).
export const publication = {
  name: "SAILBlogs",
  tagline: "Student perspectives on international law",
  description:
    "SAILBlogs publishes student writing on international law, with margin notes and discussion from its readers.",
  locale: "en",
};
