-- The title alone as a tsvector with its own GIN index: search ranks the newest matches, and every
-- article whose title matches, so an older article about the query is never left out.
ALTER TABLE "Article" ADD COLUMN     "titleSearch" tsvector;

CREATE OR REPLACE FUNCTION "article_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."titleSearch" := to_tsvector('english', coalesce(NEW."title", ''));
  NEW."search" := setweight(NEW."titleSearch", 'A')
    || setweight(to_tsvector('english', coalesce(NEW."searchText", '')), 'B');
  RETURN NEW;
END;
$$;

UPDATE "Article" SET "title" = "title";

-- CreateIndex
CREATE INDEX "Article_titleSearch_idx" ON "Article" USING GIN ("titleSearch");
