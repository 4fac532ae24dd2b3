CREATE TABLE `letter_second_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`first_by_staff_id` integer NOT NULL,
	`redactions` text NOT NULL,
	`kept` text NOT NULL,
	`needs_arranged` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`outcome` text,
	`second_by_staff_id` integer,
	`note` text,
	`decided_at` integer,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `letter_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_second_readings_waiting_idx` ON `letter_second_readings` (`version_id`) WHERE outcome is null;--> statement-breakpoint
CREATE INDEX `letter_second_readings_letter_idx` ON `letter_second_readings` (`letter_id`);--> statement-breakpoint
CREATE INDEX `letter_second_readings_first_idx` ON `letter_second_readings` (`first_by_staff_id`);--> statement-breakpoint
CREATE INDEX `letter_second_readings_second_idx` ON `letter_second_readings` (`second_by_staff_id`);--> statement-breakpoint
ALTER TABLE `letter_reviews` ADD `kept` text;--> statement-breakpoint
ALTER TABLE `letter_reviews` ADD `second_by_staff_id` integer REFERENCES staff_users(id);--> statement-breakpoint
CREATE INDEX `letter_reviews_second_staff_idx` ON `letter_reviews` (`second_by_staff_id`);