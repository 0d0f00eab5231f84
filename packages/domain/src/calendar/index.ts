// Public API of the working-day calendar (SLA time limits).
export type { CalendarData } from "./work-calendar.ts";
export { deadlinesFor, WorkCalendar } from "./work-calendar.ts";
