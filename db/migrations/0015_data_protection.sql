CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`body` text NOT NULL,
	`name` text,
	`email` text,
	`phone` text,
	`referral_reference` text,
	`received_via` text NOT NULL,
	`received_on` text NOT NULL,
	`acknowledge_by` text NOT NULL,
	`answer_by` text NOT NULL,
	`acknowledged_on` text,
	`answered_on` text,
	`answer` text,
	`upheld` text,
	`handled_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`handled_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_reference_unique` ON `complaints` (`reference`);--> statement-breakpoint
CREATE INDEX `complaints_open_idx` ON `complaints` (`answered_on`,`answer_by`);--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_on`);--> statement-breakpoint
CREATE INDEX `complaints_handled_by_idx` ON `complaints` (`handled_by`);--> statement-breakpoint
CREATE TABLE `legal_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`reason` text NOT NULL,
	`review_on` text NOT NULL,
	`placed_by` integer NOT NULL,
	`released_by` integer,
	`released_at` integer,
	`release_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placed_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_holds_case_idx` ON `legal_holds` (`case_id`,`released_at`);--> statement-breakpoint
CREATE INDEX `legal_holds_placed_by_idx` ON `legal_holds` (`placed_by`);--> statement-breakpoint
CREATE INDEX `legal_holds_released_by_idx` ON `legal_holds` (`released_by`);--> statement-breakpoint
CREATE TABLE `retention_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text,
	`started_by` text NOT NULL,
	`counts` text,
	`started_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_runs_day_unique` ON `retention_runs` (`day`);--> statement-breakpoint
CREATE TABLE `rights_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`requester` text NOT NULL,
	`details` text,
	`received_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`answered_on` text,
	`outcome` text,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rights_requests_status_idx` ON `rights_requests` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `rights_requests_answered_idx` ON `rights_requests` (`answered_on`);--> statement-breakpoint
CREATE INDEX `rights_requests_recorded_by_idx` ON `rights_requests` (`recorded_by`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `outside_assignment` integer;--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_type`,`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_created_idx` ON `audit_events` (`created_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_at` integer;--> statement-breakpoint
CREATE INDEX `cases_closed_idx` ON `cases` (`closed_at`);--> statement-breakpoint
ALTER TABLE `referrals` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `referrals` ADD `purged_at` integer;--> statement-breakpoint
CREATE INDEX `referrals_declined_purge_idx` ON `referrals` (`declined_at`) WHERE status = 'declined' and purged_at is null;--> statement-breakpoint
CREATE INDEX `referrals_withdrawn_purge_idx` ON `referrals` (`withdrawn_at`) WHERE status = 'withdrawn' and source = 'self' and purged_at is null;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `purged_at` integer;--> statement-breakpoint
-- Backfill the retention clocks from what was recorded before they existed.
UPDATE `cases` SET `closed_at` = (SELECT max(t.`created_at`) FROM `case_transitions` t WHERE t.`case_id` = `cases`.`id` AND t.`to_stage` = 'closed') WHERE `stage` = 'closed';
--> statement-breakpoint
UPDATE `cases` SET `closed_at` = `updated_at` WHERE `stage` = 'closed' AND `closed_at` IS NULL;
--> statement-breakpoint
UPDATE `referrals` SET `declined_at` = coalesce((SELECT max(a.`created_at`) FROM `audit_events` a WHERE a.`subject_type` = 'referral' AND a.`subject_id` = CAST(`referrals`.`id` AS TEXT) AND a.`action` = 'referral.declined'), `updated_at`) WHERE `status` = 'declined';
--> statement-breakpoint
UPDATE `staff_users` SET `deactivated_at` = coalesce((SELECT max(a.`created_at`) FROM `audit_events` a WHERE a.`subject_type` = 'staff_user' AND a.`subject_id` = CAST(`staff_users`.`id` AS TEXT) AND a.`action` = 'staff.deactivated'), `created_at`) WHERE `active` = 0;
