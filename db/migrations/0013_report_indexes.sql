CREATE INDEX `agreement_items_due_idx` ON `agreement_items` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_stage_idx` ON `cases` (`stage`,`facilitator_id`);--> statement-breakpoint
CREATE INDEX `processes_started_idx` ON `processes` (`started_on`);--> statement-breakpoint
CREATE INDEX `processes_ended_idx` ON `processes` (`ended_on`);--> statement-breakpoint
CREATE INDEX `referrals_report_idx` ON `referrals` (`created_at`,`source`,`agency`,`initiated_by`,`offence_kind`,`justice_stage`,`status`);