ALTER TABLE `exchange_members` ADD `email` text;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `last_digest_on` text;