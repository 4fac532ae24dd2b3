CREATE TABLE `assessment_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`section` text NOT NULL,
	`values` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_versions_participant_idx` ON `assessment_versions` (`participant_id`,`id`);--> statement-breakpoint
CREATE INDEX `assessment_versions_staff_idx` ON `assessment_versions` (`by_staff_id`);--> statement-breakpoint
CREATE TABLE `case_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_staff_id` integer NOT NULL,
	`to_staff_id` integer NOT NULL,
	`note` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_assignments_case_idx` ON `case_assignments` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_assignments_from_idx` ON `case_assignments` (`from_staff_id`);--> statement-breakpoint
CREATE INDEX `case_assignments_to_idx` ON `case_assignments` (`to_staff_id`);--> statement-breakpoint
CREATE INDEX `case_assignments_by_idx` ON `case_assignments` (`by_staff_id`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`body` text NOT NULL,
	`corrects_note_id` integer,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `case_notes_staff_idx` ON `case_notes` (`by_staff_id`);--> statement-breakpoint
CREATE TABLE `participant_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`change` text NOT NULL,
	`old_values` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participant_changes_case_idx` ON `participant_changes` (`case_id`);--> statement-breakpoint
CREATE INDEX `participant_changes_staff_idx` ON `participant_changes` (`by_staff_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `unread_since` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `unread_urgent` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `contact_logs_participant_idx` ON `contact_logs` (`participant_id`,`contacted_on`);--> statement-breakpoint
CREATE INDEX `participants_case_idx` ON `participants` (`case_id`);