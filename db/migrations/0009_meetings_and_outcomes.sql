CREATE TABLE `agreement_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`participant_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`evidence` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`completed_on` text,
	`completion_note` text,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_items_case_idx` ON `agreement_items` (`case_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `agreement_items_participant_idx` ON `agreement_items` (`participant_id`);--> statement-breakpoint
CREATE INDEX `agreement_items_staff_idx` ON `agreement_items` (`by_staff_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`meeting_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `participant_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_participant_idx` ON `meeting_attendees` (`participant_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`process_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`mode` text NOT NULL,
	`venue` text,
	`other_attendees` text,
	`checklist` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`record` text,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_case_idx` ON `meetings` (`case_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_process_idx` ON `meetings` (`process_id`);--> statement-breakpoint
CREATE INDEX `meetings_staff_idx` ON `meetings` (`by_staff_id`);--> statement-breakpoint
CREATE TABLE `processes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text,
	`outcome` text,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `processes_case_idx` ON `processes` (`case_id`);--> statement-breakpoint
CREATE INDEX `processes_staff_idx` ON `processes` (`by_staff_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `closure_note` text;