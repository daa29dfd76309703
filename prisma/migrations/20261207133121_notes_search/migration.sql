-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "search" tsvector;

-- CreateIndex
CREATE INDEX "Annotation_search_idx" ON "Annotation" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Annotation_createdAt_id_idx" ON "Annotation"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Annotation_authorId_articleId_idx" ON "Annotation"("authorId", "articleId");


-- Keep the notes' search vector current: the note and its tags (weight A) above the quoted
-- passage (B). Replies have no passage; a page note (no selector) has none either.
CREATE FUNCTION "annotation_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := setweight(to_tsvector('english', coalesce(NEW."body", '') || ' ' || array_to_string(NEW."tags", ' ')), 'A')
    || setweight(to_tsvector('english', coalesce(NEW."exact", '')), 'B');
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Annotation_search_update" BEFORE INSERT OR UPDATE OF "body", "tags", "exact" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "annotation_search_update"();

UPDATE "Annotation" SET "body" = "body";
