CREATE TABLE `assignment_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`staff_user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignment_overrides_case_idx` ON `assignment_overrides` (`case_id`);--> statement-breakpoint
CREATE INDEX `assignment_overrides_staff_idx` ON `assignment_overrides` (`staff_user_id`);--> statement-breakpoint
CREATE INDEX `assignment_overrides_by_idx` ON `assignment_overrides` (`by_staff_id`);--> statement-breakpoint
CREATE TABLE `participant_needs` (
	`participant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`detail` text,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`participant_id`, `kind`),
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participant_needs_recorded_by_idx` ON `participant_needs` (`recorded_by`);--> statement-breakpoint
ALTER TABLE `referrals` ADD `yot_decision` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `yot_decision_on` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `yot_decision_note` text;