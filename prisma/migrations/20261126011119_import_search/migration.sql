-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "search" tsvector,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "search" tsvector;

-- CreateIndex
CREATE UNIQUE INDEX "Article_importKey_key" ON "Article"("importKey");

-- CreateIndex
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_importKey_key" ON "Comment"("importKey");

-- CreateIndex
CREATE INDEX "Comment_search_idx" ON "Comment" USING GIN ("search");


-- Keep the search vectors current (title weighted above body; comments by their text).
CREATE FUNCTION "article_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A')
    || setweight(to_tsvector('english', coalesce(NEW."searchText", '')), 'B');
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Article_search_update" BEFORE INSERT OR UPDATE OF "title", "searchText" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "article_search_update"();

CREATE FUNCTION "comment_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := to_tsvector('english', coalesce(NEW."body", ''));
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Comment_search_update" BEFORE INSERT OR UPDATE OF "body" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_search_update"();

UPDATE "Article" AS a SET "searchText" = r."text" FROM "ArticleRevision" AS r WHERE r."id" = a."currentRevisionId";
UPDATE "Comment" SET "body" = "body";
