// The commissioner's categories, read from `report_categories` (decision 020): a new or
// changed MoJ category is a migration that edits rows, never a code change. A scheme that
// maps form answers (the justice stage) lists them in `answers`; one asked directly (the
// area) stores the category's own code on the referral.
import { and, asc, eq } from 'drizzle-orm';
import { reportCategories } from '#db/schema';
import { db } from '~/utils/db.server';

export type Scheme = 'justice_stage' | 'area';
export type Category = { code: string; label: string; answers: string[] };

/** A scheme's categories in order; retired ones only for reading old figures. */
export function categoriesOf(scheme: Scheme, opts: { withRetired?: boolean } = {}): Category[] {
  return db
    .select({ code: reportCategories.code, label: reportCategories.label, answers: reportCategories.answers })
    .from(reportCategories)
    .where(opts.withRetired ? eq(reportCategories.scheme, scheme) : and(eq(reportCategories.scheme, scheme), eq(reportCategories.retired, false)))
    .orderBy(asc(reportCategories.position))
    .all();
}

/** Maps a form's answer to its category's code, or the scheme's last category ('not known') when none lists it. */
export function categoryMapper(categories: Category[]) {
  const byAnswer = new Map(categories.flatMap((c) => c.answers.map((a) => [a, c.code] as const)));
  const fallback = categories.at(-1)?.code ?? 'not_known';
  return (answer: string | null) => (answer !== null && byAnswer.get(answer)) || fallback;
}

/** The areas a form offers, as options. */
export function areaOptions(): [string, string][] {
  return categoriesOf('area').map((c) => [c.code, c.label]);
}

/** Whether a code is one of the areas offered now. */
export function isArea(code: string) {
  return categoriesOf('area').some((c) => c.code === code);
}
