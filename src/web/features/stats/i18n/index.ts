/** The stats area's page strings, loaded with its pages (every page imports this module). */
import { addStrings } from '#web/app/i18n/index.ts';
import en from './en.json';
import fa from './fa.json';

addStrings({ fa, en });
