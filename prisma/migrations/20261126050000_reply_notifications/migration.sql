-- Reply notifications: a reader may turn them off; each reply is announced at most once.
ALTER TABLE "User" ADD COLUMN     "notifyReplies" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "Comment" ADD COLUMN     "replyNotifiedAt" TIMESTAMP(3);

ALTER TABLE "Annotation" ADD COLUMN     "replyNotifiedAt" TIMESTAMP(3);
