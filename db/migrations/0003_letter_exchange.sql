CREATE TABLE `exchange_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`reference` text NOT NULL,
	`setup_code_hash` text,
	`setup_expires_at` integer,
	`passphrase_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_members_participant_id_unique` ON `exchange_members` (`participant_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_members_reference_unique` ON `exchange_members` (`reference`);--> statement-breakpoint
CREATE TABLE `exchanges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`paused_by` text,
	`pause_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchanges_case_id_unique` ON `exchanges` (`case_id`);--> statement-breakpoint
CREATE TABLE `letter_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`decision` text NOT NULL,
	`redactions` text,
	`message_to_author` text,
	`reason_for_record` text,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `letter_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_reviews_version_id_unique` ON `letter_reviews` (`version_id`);--> statement-breakpoint
CREATE TABLE `letter_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`letter_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`recorded_by_staff_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`author_member_id` integer NOT NULL,
	`recipient_member_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`draft_body` text DEFAULT '' NOT NULL,
	`on_paper` integer DEFAULT false NOT NULL,
	`relayed_text` text,
	`passed_on_at` integer,
	`read_at` integer,
	`share_read_with_author` integer DEFAULT false NOT NULL,
	`submitted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_member_id`) REFERENCES `exchange_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_member_id`) REFERENCES `exchange_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letters_status_idx` ON `letters` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `letters_recipient_idx` ON `letters` (`recipient_member_id`,`status`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `exchange_member_id` integer REFERENCES exchange_members(id);