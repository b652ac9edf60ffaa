/** The audit log's strings (action and object labels, filters), loaded with its page. */
import { addStrings } from '#web/app/i18n/index.ts';
import en from './en.json';
import fa from './fa.json';

addStrings({ fa, en });
