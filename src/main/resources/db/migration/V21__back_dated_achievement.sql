-- An achievement recorded after the day it happened (issue 17, "history that can be replayed"):
-- achieved_at keeps the day it happened, achievement_recorded_at the moment it was put on the
-- record. Null for an achievement recorded as it happened.
alter table milestone add column achievement_recorded_at timestamp with time zone;
