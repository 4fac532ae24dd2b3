ALTER TABLE `assessments` ADD `motive` text;--> statement-breakpoint
ALTER TABLE `assessments` ADD `expectations` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `contact_consent` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `contact_consent_on` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `contact_consent_by` integer REFERENCES staff_users(id);--> statement-breakpoint
CREATE INDEX `participants_consent_by_idx` ON `participants` (`contact_consent_by`);--> statement-breakpoint
ALTER TABLE `referrals` ADD `offender_age_group` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `anti_social_behaviour` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `referrals` ADD `heard_about` text;--> statement-breakpoint
UPDATE `referrals` SET `anti_social_behaviour` = 1 WHERE `offence_kind` = 'asb';
