CREATE TABLE `equality_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`asked` text NOT NULL,
	`age_band` text,
	`sex` text,
	`gender_same` text,
	`ethnic_group` text,
	`religion` text,
	`disability` text,
	`sexual_orientation` text
);
--> statement-breakpoint
CREATE INDEX `equality_answers_month_idx` ON `equality_answers` (`month`);--> statement-breakpoint
CREATE TABLE `equality_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` integer,
	`participant_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `equality_invitations_referral_idx` ON `equality_invitations` (`referral_id`,`status`);--> statement-breakpoint
CREATE INDEX `equality_invitations_participant_idx` ON `equality_invitations` (`participant_id`,`status`);--> statement-breakpoint
CREATE TABLE `report_categories` (
	`scheme` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	`answers` text NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`scheme`, `code`)
);
--> statement-breakpoint
ALTER TABLE `referrals` ADD `area_code` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `postcode_district` text;--> statement-breakpoint
CREATE INDEX `referrals_return_idx` ON `referrals` (`created_at`,`source`,`anti_social_behaviour`,`offence_kind`,`offender_age_group`,`area_code`,`heard_about`);--> statement-breakpoint
-- The commissioner's stages of the justice system, and which answers on our forms fall in each.
INSERT INTO `report_categories` (`scheme`, `code`, `label`, `position`, `answers`) VALUES
  ('justice_stage', 'before_charge', 'Before charge', 1, '["investigating"]'),
  ('justice_stage', 'before_sentence', 'Before sentence', 2, '["court"]'),
  ('justice_stage', 'community_sentence', 'Community sentence', 3, '["probation"]'),
  ('justice_stage', 'custody', 'Custody', 4, '["prison"]'),
  ('justice_stage', 'after_release', 'After release', 5, '["released"]'),
  ('justice_stage', 'out_of_court', 'Out-of-court disposal or community resolution', 6, '["community_resolution","conditional_caution","justice_panel"]'),
  ('justice_stage', 'not_reported', 'Not reported to the police', 7, '["not_reported"]'),
  ('justice_stage', 'sentenced_unknown', 'Sentenced, kind of sentence not given', 8, '["sentenced"]'),
  ('justice_stage', 'not_known', 'Not known', 9, '["not_sure"]');
--> statement-breakpoint
-- Where people live: the seven West Midlands local authorities, then the rest. A service
-- elsewhere replaces these rows in a migration of its own.
INSERT INTO `report_categories` (`scheme`, `code`, `label`, `position`, `answers`) VALUES
  ('area', 'birmingham', 'Birmingham', 1, '[]'),
  ('area', 'coventry', 'Coventry', 2, '[]'),
  ('area', 'dudley', 'Dudley', 3, '[]'),
  ('area', 'sandwell', 'Sandwell', 4, '[]'),
  ('area', 'solihull', 'Solihull', 5, '[]'),
  ('area', 'walsall', 'Walsall', 6, '[]'),
  ('area', 'wolverhampton', 'Wolverhampton', 7, '[]'),
  ('area', 'outside', 'Outside the West Midlands', 8, '[]'),
  ('area', 'not_known', 'Not known or not given', 9, '[]');
