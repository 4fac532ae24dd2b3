// The triage queue's status filter, shared by the page and the model.
export const QUEUE_STATUSES = [
  ['new', 'New'],
  ['accepted', 'Accepted into a case'],
  ['declined', 'Declined'],
  ['withdrawn', 'Withdrawn by the referrer'],
  ['all', 'All'],
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number][0];
