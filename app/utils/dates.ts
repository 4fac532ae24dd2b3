// Dates as people in the UK read them. Each format is made once: building an
// Intl.DateTimeFormat costs far more than using one, and a page of 300 audit rows
// formatting with toLocaleString spent most of its time here.
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const longDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

/** "3 Nov 2026, 14:05" */
export const formatDateTime = (at: string | Date) => dateTime.format(new Date(at));
/** "3 November 2026 at 2:05 pm" style, for the public side. */
export const formatLongDateTime = (at: string | Date) => longDateTime.format(new Date(at));
/** A calendar day (YYYY-MM-DD) as "3 Nov 2026". */
export const formatDay = (day: string) => shortDay.format(new Date(`${day}T12:00:00Z`));
const longDay = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
/** A calendar day (YYYY-MM-DD) as "Tuesday 3 November 2026", for the public side. */
export const formatLongDay = (day: string) => longDay.format(new Date(`${day}T12:00:00Z`)).replace(',', '');

const ukIsoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const ukHourFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });
/** The UK calendar day of an instant, as YYYY-MM-DD. */
export const ukIsoDay = (at: Date | number) => ukIsoDayFormat.format(at);
/** The hour (0–23) on a UK clock at an instant. */
export const ukHour = (at: Date | number) => Number(ukHourFormat.format(at));
