-- AlterTable: a revision of a note may record the anchor it had before its author re-attached it
ALTER TABLE "AnnotationRevision" ADD COLUMN     "anchor" JSONB;
