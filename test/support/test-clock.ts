/**
 * The day the integration tests live on. The shared template database is seeded at this instant
 * (its licences, contracts, training sessions and year of service volume are dated around it) and
 * every test server's clock starts here, so what a test sees never depends on the day it runs.
 *
 * Tuesday 15 Ordibehesht 1405, 10:00 in Tehran: an ordinary working day, mid-month, far from
 * Nowruz, within the years whose holidays the reference data carries.
 */
import { tehranIsoDate } from '#core/jalali';

export const TEST_NOW = new Date('2026-05-05T06:30:00Z');

/** The test world's day in Tehran (ISO). */
export const TEST_TODAY = tehranIsoDate(TEST_NOW);
