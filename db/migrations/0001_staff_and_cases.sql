CREATE TABLE `assessments` (
	`participant_id` integer PRIMARY KEY NOT NULL,
	`info_given_on` text,
	`info_given_how` text,
	`consent_on` text,
	`consent_how` text,
	`consent_recorded_by` integer,
	`consent_withdrawn_on` text,
	`willing` text,
	`accepts_responsibility` text,
	`risk_assessed_on` text,
	`revictimisation_risk` text,
	`safeguarding_concerns` text,
	`power_imbalance` text,
	`specialist_flags` text,
	`risk_decision` text,
	`risk_reason` text,
	`signed_off_by` integer,
	`signed_off_at` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_recorded_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_stage` text NOT NULL,
	`to_stage` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` integer NOT NULL,
	`facilitator_id` integer NOT NULL,
	`stage` text DEFAULT 'referred' NOT NULL,
	`closure_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_referral_id_unique` ON `cases` (`referral_id`);--> statement-breakpoint
CREATE INDEX `cases_facilitator_idx` ON `cases` (`facilitator_id`,`stage`);--> statement-breakpoint
CREATE TABLE `contact_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`contacted_on` text NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`contact_details` text,
	`supporter_of` text,
	`directly_affected` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text,
	`totp_secret_sealed` text,
	`totp_enrolled` integer DEFAULT false NOT NULL,
	`totp_last_step` integer,
	`setup_token_hash` text,
	`setup_expires_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`passphrase_hash` text,
	`person_role` text,
	`offence_kind` text NOT NULL,
	`offence_other` text,
	`when_happened` text,
	`area` text,
	`reported_to_police` text,
	`crime_reference` text,
	`justice_stage` text NOT NULL,
	`knows_who_harmed` text,
	`harmer_name` text,
	`contact_kinds` text,
	`what_to_say` text,
	`contact_method` text,
	`contact_name` text,
	`email` text,
	`phone` text,
	`phone_safe_times` text,
	`phone_message_ok` text,
	`postal_address` text,
	`support_needs` text NOT NULL,
	`interpreter_language` text,
	`access_needs` text,
	`supporter_details` text,
	`agency` text,
	`agency_other` text,
	`referrer_name` text,
	`referrer_email` text,
	`referrer_phone` text,
	`initiated_by` text,
	`consent_confirmed` integer,
	`victim_details` text,
	`offender_details` text,
	`offence_date` text,
	`risks` text,
	`risk_notes` text,
	`declined_reason` text,
	`triaged_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`triaged_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Hand-corrected: drizzle-kit copied the new columns too, which the old table lacks.
INSERT INTO `__new_referrals`("id", "reference", "source", "status", "passphrase_hash", "person_role", "offence_kind", "offence_other", "when_happened", "area", "reported_to_police", "crime_reference", "justice_stage", "knows_who_harmed", "harmer_name", "contact_kinds", "what_to_say", "contact_method", "contact_name", "email", "phone", "phone_safe_times", "phone_message_ok", "postal_address", "support_needs", "interpreter_language", "access_needs", "supporter_details", "created_at", "updated_at", "withdrawn_at") SELECT "id", "reference", "source", "status", "passphrase_hash", "person_role", "offence_kind", "offence_other", "when_happened", "area", "reported_to_police", "crime_reference", "justice_stage", "knows_who_harmed", "harmer_name", "contact_kinds", "what_to_say", "contact_method", "contact_name", "email", "phone", "phone_safe_times", "phone_message_ok", "postal_address", "support_needs", "interpreter_language", "access_needs", "supporter_details", "created_at", "updated_at", "withdrawn_at" FROM `referrals`;--> statement-breakpoint
DROP TABLE `referrals`;--> statement-breakpoint
ALTER TABLE `__new_referrals` RENAME TO `referrals`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_reference_unique` ON `referrals` (`reference`);--> statement-breakpoint
CREATE INDEX `referrals_status_created_idx` ON `referrals` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `referrals_created_idx` ON `referrals` (`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `staff_user_id` integer REFERENCES staff_users(id);--> statement-breakpoint
ALTER TABLE `sessions` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `csrf_token` text;