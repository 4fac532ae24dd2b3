-- Hand-corrected: drizzle-kit left out the ON DELETE clause.
ALTER TABLE `exchange_members` ADD `referral_id` integer REFERENCES referrals(id) ON DELETE set null;