CREATE TABLE `agreement_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`agreed_on` text NOT NULL,
	`how` text NOT NULL,
	`item_ids` text NOT NULL,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_consents_case_idx` ON `agreement_consents` (`case_id`);--> statement-breakpoint
CREATE INDEX `agreement_consents_participant_idx` ON `agreement_consents` (`participant_id`,`id`);--> statement-breakpoint
CREATE INDEX `agreement_consents_recorded_by_idx` ON `agreement_consents` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `service_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`you_said` text NOT NULL,
	`we_did` text NOT NULL,
	`source` text NOT NULL,
	`changed_on` text NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`by_staff_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_changes_published_idx` ON `service_changes` (`published`,`changed_on`);--> statement-breakpoint
CREATE INDEX `service_changes_staff_idx` ON `service_changes` (`by_staff_id`);--> statement-breakpoint
ALTER TABLE `participants` ADD `referral_id` integer REFERENCES referrals(id);--> statement-breakpoint
CREATE INDEX `participants_referral_idx` ON `participants` (`referral_id`);--> statement-breakpoint
-- A self-referral's case: its first victim is the self-referrer (triage made them so).
UPDATE `participants` SET `referral_id` = (SELECT `cases`.`referral_id` FROM `cases` WHERE `cases`.`id` = `participants`.`case_id`)
WHERE `id` IN (
  SELECT min(`p`.`id`) FROM `participants` `p`
  JOIN `cases` `c` ON `c`.`id` = `p`.`case_id`
  JOIN `referrals` `r` ON `r`.`id` = `c`.`referral_id`
  WHERE `r`.`source` = 'self' AND `p`.`role` = 'victim'
  GROUP BY `p`.`case_id`
);
