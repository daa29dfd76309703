-- CreateEnum
CREATE TYPE "AnnotationAudience" AS ENUM ('public', 'private');

-- CreateEnum
CREATE TYPE "AnnotationMotivation" AS ENUM ('commenting', 'highlighting', 'replying');

-- CreateEnum
CREATE TYPE "AnchorState" AS ENUM ('anchored', 'orphaned');

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "annotationId" TEXT;

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT,
    "parentId" TEXT,
    "threadId" TEXT NOT NULL,
    "motivation" "AnnotationMotivation" NOT NULL DEFAULT 'commenting',
    "audience" "AnnotationAudience" NOT NULL DEFAULT 'public',
    "body" TEXT NOT NULL DEFAULT '',
    "html" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[],
    "color" TEXT,
    "status" "ContributionStatus" NOT NULL DEFAULT 'approved',
    "holdReasons" TEXT[],
    "exact" TEXT,
    "prefix" TEXT,
    "suffix" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "blockId" TEXT,
    "anchorRevisionId" TEXT,
    "state" "AnchorState" NOT NULL DEFAULT 'anchored',
    "originalExact" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationRevision" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "editedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Annotation_articleId_status_idx" ON "Annotation"("articleId", "status");

-- CreateIndex
CREATE INDEX "Annotation_threadId_idx" ON "Annotation"("threadId");

-- CreateIndex
CREATE INDEX "Annotation_authorId_createdAt_idx" ON "Annotation"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_status_createdAt_idx" ON "Annotation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AnnotationRevision_annotationId_createdAt_idx" ON "AnnotationRevision"("annotationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_annotationId_reporterId_key" ON "Report"("annotationId", "reporterId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit log is append-only: no page, API or script may change or remove an entry.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only';
END;
$$;
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
