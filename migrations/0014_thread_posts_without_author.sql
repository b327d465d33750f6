-- Teams recorded a thread DM to a comment's author as `reply-<message>-<author's user id>` beside the author's 1:1 chat
-- (#16): a dump linked the comment to its author. Such a record only serves the retry of its DM; it is kept the way the
-- app now writes it (`reply-<message>`, no place), so a retry still finds it and sends nothing twice.
UPDATE "posted_messages" p
SET "key" = 'reply-' || c."id"::text, "channel_id" = '', "message_id" = ''
FROM "comment_replies" c
WHERE NOT c."from_author"
  AND p."key" LIKE 'reply-' || c."id"::text || '-%'
  AND NOT EXISTS (
    SELECT 1 FROM "posted_messages" q WHERE q."workspace_id" = p."workspace_id" AND q."key" = 'reply-' || c."id"::text
  );
--> statement-breakpoint
-- One already written the new way (a retry by the new app): the old one goes.
DELETE FROM "posted_messages" p
USING "comment_replies" c
WHERE NOT c."from_author" AND p."key" LIKE 'reply-' || c."id"::text || '-%';
--> statement-breakpoint
-- The records of thread messages since deleted (forget-me, comment retention) serve nothing: they go.
DELETE FROM "posted_messages" p
WHERE p."key" LIKE 'reply-%'
  AND NOT EXISTS (SELECT 1 FROM "comment_replies" c WHERE c."id"::text = substr(p."key", 7, 36));
