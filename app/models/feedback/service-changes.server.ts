// "You said, we did": what the service changed because of feedback or complaints, kept by
// managers in words that name no one, and published on a public page. A text that looks as
// if it holds contact details, an address or a case reference is refused: the page is public.
import { and, desc, eq } from 'drizzle-orm';
import { serviceChanges } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { findSafetyFlags } from '~/models/safety-flags/safety-flags.server';
import { FLAG_LABELS, type FlagKind } from '~/models/safety-flags/safety-flags';

const IDENTIFYING: readonly FlagKind[] = ['phone', 'email', 'social', 'address', 'postcode'];
// Any of the service's references (RJ-, RJL- and C-), however it is spaced or joined.
const REFERENCE = /\b(?:RJL?|C)[\s-]*[A-Z0-9]{4}[\s-]*[A-Z0-9]{4}\b/i;

/** Why this text may not go on a public page, in words for the manager, or null. */
export function identifyingIn(text: string): string | null {
  if (REFERENCE.test(text)) return 'Remove the reference: this page is public and must not point to anyone';
  const flag = findSafetyFlags(text).find((f) => IDENTIFYING.includes(f.kind));
  return flag ? `Remove the ${FLAG_LABELS[flag.kind].toLowerCase()} (“${flag.text}”): this page is public and must not identify anyone` : null;
}

export type ServiceChangeInput = { youSaid: string; weDid: string; source: 'feedback' | 'complaints' | 'both'; changedOn: string; published: boolean };

export function addServiceChange(
  manager: StaffUser,
  c: ServiceChangeInput,
): { ok: true; id: number } | { ok: false; field: 'youSaid' | 'weDid'; message: string } {
  for (const field of ['youSaid', 'weDid'] as const) {
    const message = identifyingIn(c[field]);
    if (message) return { ok: false, field, message };
  }
  return db.transaction((tx) => {
    const id = tx
      .insert(serviceChanges)
      .values({ ...c, byStaffId: manager.id })
      .returning({ id: serviceChanges.id })
      .get().id;
    recordAudit(tx, { type: 'staff', id: manager.id }, 'service_change.recorded', { type: 'service_change', id });
    return { ok: true, id };
  });
}

/** Publishes or withdraws one from the public page. */
export function setServiceChangePublished(manager: StaffUser, id: number, published: boolean): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(serviceChanges)
      .set({ published })
      .where(and(eq(serviceChanges.id, id), eq(serviceChanges.published, !published)))
      .run().changes;
    if (changed)
      recordAudit(tx, { type: 'staff', id: manager.id }, published ? 'service_change.published' : 'service_change.withdrawn', { type: 'service_change', id });
    return changed > 0;
  });
}

/** Every change, newest first, for managers. */
export function listServiceChanges() {
  return db.select().from(serviceChanges).orderBy(desc(serviceChanges.changedOn), desc(serviceChanges.id)).limit(200).all();
}

/** The published ones, newest first, for the public page. */
export function publishedServiceChanges() {
  return db
    .select({ id: serviceChanges.id, youSaid: serviceChanges.youSaid, weDid: serviceChanges.weDid, changedOn: serviceChanges.changedOn })
    .from(serviceChanges)
    .where(eq(serviceChanges.published, true))
    .orderBy(desc(serviceChanges.changedOn), desc(serviceChanges.id))
    .limit(100)
    .all();
}
