CREATE TABLE `referrer_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` integer NOT NULL,
	`event` text NOT NULL,
	`reason_category` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrer_notices_referral_event_idx` ON `referrer_notices` (`referral_id`,`event`);--> statement-breakpoint
ALTER TABLE `referrals` ADD `share_with_referrer` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `share_recorded_on` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `referrer_updates` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `referrals` ADD `decline_category` text;