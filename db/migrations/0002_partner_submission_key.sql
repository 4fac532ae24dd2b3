ALTER TABLE `referrals` ADD `submission_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_submission_key_unique` ON `referrals` (`submission_key`);