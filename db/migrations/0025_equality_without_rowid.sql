-- Equality answers without SQLite's hidden row number, like feedback_answers (decision 012):
-- a rowid keeps the order answers arrived in, which the invitations could then be matched to.
CREATE TABLE `equality_answers_kept` (
	`id` text PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`asked` text NOT NULL,
	`age_band` text,
	`sex` text,
	`gender_same` text,
	`ethnic_group` text,
	`religion` text,
	`disability` text,
	`sexual_orientation` text
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `equality_answers_kept` SELECT `id`, `month`, `asked`, `age_band`, `sex`, `gender_same`, `ethnic_group`, `religion`, `disability`, `sexual_orientation` FROM `equality_answers`;
--> statement-breakpoint
DROP TABLE `equality_answers`;
--> statement-breakpoint
ALTER TABLE `equality_answers_kept` RENAME TO `equality_answers`;
--> statement-breakpoint
CREATE INDEX `equality_answers_month_idx` ON `equality_answers` (`month`);
