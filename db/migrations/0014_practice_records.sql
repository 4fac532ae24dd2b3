CREATE TABLE `practice_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`what` text NOT NULL,
	`supervisor_id` integer,
	`renews_on` text,
	`hours` real,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supervisor_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practice_records_staff_idx` ON `practice_records` (`staff_user_id`,`kind`,`on_date`);--> statement-breakpoint
CREATE INDEX `practice_records_supervisor_idx` ON `practice_records` (`supervisor_id`);--> statement-breakpoint
CREATE INDEX `practice_records_by_idx` ON `practice_records` (`by_staff_id`);