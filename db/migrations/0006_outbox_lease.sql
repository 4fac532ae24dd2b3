ALTER TABLE `outbox` ADD `leased_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `leased_until` integer;