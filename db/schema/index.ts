// Every table the portal keeps, one file a domain; this one gathers them for the app
// (`#db/schema`) and for drizzle-kit. Tables are plural snake_case in SQL, camelCase here.
// Personal data lives in the referrals, the people in a case and what they wrote, and the
// `outbox` rows addressed to them; the retention purge says when each goes.
export * from './referrals';
export * from './staff';
export * from './platform';
export * from './cases';
export * from './people';
export * from './letters';
export * from './outcomes';
export * from './feedback';
export * from './data-protection';
