-- CreateIndex
CREATE INDEX "Comment_articleId_status_parentId_idx" ON "Comment"("articleId", "status", "parentId");

