CREATE TABLE `feedback_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`process_kind` text NOT NULL,
	`role` text NOT NULL,
	`month` text NOT NULL,
	`on_paper` integer NOT NULL,
	`satisfaction` integer,
	`felt_safe` text,
	`listened_to` text,
	`informed` text,
	`recommend` text,
	`helped_cope` text,
	`comments` text
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `feedback_answers_month_idx` ON `feedback_answers` (`month`);--> statement-breakpoint
CREATE TABLE `feedback_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`process_kind` text NOT NULL,
	`role` text NOT NULL,
	`channel` text NOT NULL,
	`token_hash` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_invitations_token_hash_unique` ON `feedback_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `feedback_invitations_case_idx` ON `feedback_invitations` (`case_id`,`status`);--> statement-breakpoint
CREATE INDEX `feedback_invitations_participant_idx` ON `feedback_invitations` (`participant_id`,`status`);