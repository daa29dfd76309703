-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];


-- Tokens made before scopes existed keep what they could do (each request is still held to the
-- owner's role); new ones get only the scopes their owner picks.
UPDATE "ApiToken" SET "scopes" = ARRAY['read', 'comments', 'annotations', 'articles', 'moderation'];
