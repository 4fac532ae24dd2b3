ALTER TABLE `cases` ADD `purged_at` integer;--> statement-breakpoint
CREATE INDEX `cases_purge_idx` ON `cases` (`closed_at`) WHERE stage = 'closed' and purged_at is null;--> statement-breakpoint
-- Cases whose referral the purge has already reached are purged too.
UPDATE `cases` SET `purged_at` = (SELECT r.`purged_at` FROM `referrals` r WHERE r.`id` = `cases`.`referral_id`) WHERE `purged_at` IS NULL;
