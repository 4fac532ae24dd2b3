-- Survey answers are released in batches (decision 024). Held cases have no row order
-- (WITHOUT ROWID), like the answers.
CREATE TABLE `feedback_held_cases` (
	`case_id` integer NOT NULL,
	`channel` text NOT NULL,
	PRIMARY KEY(`case_id`, `channel`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `feedback_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`month` text NOT NULL,
	`answers` integer NOT NULL,
	`released_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_releases_quarter_unique` ON `feedback_releases` (`quarter`);--> statement-breakpoint
CREATE INDEX `feedback_releases_month_idx` ON `feedback_releases` (`month`);--> statement-breakpoint
DROP INDEX `feedback_answers_month_idx`;--> statement-breakpoint
ALTER TABLE `feedback_answers` ADD `release_id` integer REFERENCES feedback_releases(id);--> statement-breakpoint
CREATE INDEX `feedback_answers_release_idx` ON `feedback_answers` (`release_id`);--> statement-breakpoint
-- Answers from months that have ended were already shown, month by month: each such month
-- becomes a release of its own, so reports over past periods say what they said. This
-- month's answers stay held. No answer keeps its month.
INSERT INTO `feedback_releases` (`quarter`, `month`, `answers`, `released_at`)
  SELECT 'before ' || `month`, `month`, count(*), unixepoch('subsec') * 1000 FROM `feedback_answers`
  WHERE `month` < strftime('%Y-%m', 'now') GROUP BY `month`;--> statement-breakpoint
UPDATE `feedback_answers` SET `release_id` = (SELECT r.`id` FROM `feedback_releases` r WHERE r.`quarter` = 'before ' || `feedback_answers`.`month`)
  WHERE `month` < strftime('%Y-%m', 'now');--> statement-breakpoint
UPDATE `feedback_answers` SET `month` = '';
