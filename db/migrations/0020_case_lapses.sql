CREATE TABLE `case_lapses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`gaps` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_lapses_case_idx` ON `case_lapses` (`case_id`,`ended_at`);--> statement-breakpoint
ALTER TABLE `processes` ADD `interrupted_at` integer;