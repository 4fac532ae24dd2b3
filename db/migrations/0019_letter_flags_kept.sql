DROP INDEX `letter_flags_off_version_kind_idx`;--> statement-breakpoint
ALTER TABLE `letter_flags_off` ADD `turned_on_at` integer;--> statement-breakpoint
ALTER TABLE `letter_flags_off` ADD `turned_on_by_staff_id` integer REFERENCES staff_users(id);--> statement-breakpoint
CREATE INDEX `letter_flags_off_turned_on_by_idx` ON `letter_flags_off` (`turned_on_by_staff_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `letter_flags_off_version_kind_idx` ON `letter_flags_off` (`version_id`,`kind`) WHERE turned_on_at is null;