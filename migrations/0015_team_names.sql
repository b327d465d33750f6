-- A team's name: its channel's display name as the platform last gave it with a /pulse command (#19), shown on
-- the dashboard instead of the channel id. Null until a command brings it.
ALTER TABLE "teams" ADD COLUMN "name" text;
