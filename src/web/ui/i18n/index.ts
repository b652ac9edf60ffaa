/**
 * Strings of the shared components that not every page needs (the judicial e-account form, what a call says of missing devices), loaded
 * with the components that use them. The shell's strings are in src/web/app/i18n.
 */
import { addStrings } from '#web/app/i18n/index.ts';
import en from './en.json';
import fa from './fa.json';

addStrings({ fa, en });
