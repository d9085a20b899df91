import { WorkCalendar } from '../calendar.js';
import { CN_2025 } from './cn-2025.js';
import { CN_2026 } from './cn-2026.js';
import { statutoryCalendarYear } from './statutory.js';

export { CN_2025, CN_2026 };
export { LUNAR_FESTIVALS, statutoryCalendarYear, type LunarFestivals } from './statutory.js';

/** Statutory years shipped with EcoLoop; add a file per year when the State Council publishes it. */
export const CN_CALENDAR_YEARS = [CN_2025, CN_2026] as const;

/** The mainland-China working-day calendar for the shipped years (statutory holidays outside them). */
export const CN_WORK_CALENDAR = new WorkCalendar(CN_CALENDAR_YEARS, statutoryCalendarYear);
