CREATE TABLE `letter_flags_off` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `letter_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_flags_off_version_kind_idx` ON `letter_flags_off` (`version_id`,`kind`);--> statement-breakpoint
CREATE INDEX `letter_flags_off_letter_idx` ON `letter_flags_off` (`letter_id`);--> statement-breakpoint
CREATE INDEX `letter_flags_off_staff_idx` ON `letter_flags_off` (`by_staff_id`);