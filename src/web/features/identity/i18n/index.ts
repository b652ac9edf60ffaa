/**
 * The identity area's strings: the sign-in pages' are the shell's own (src/web/app/i18n), and the
 * judicial e-account's are shared with the counter, so they live with the shared form in src/web/ui.
 */
import '#web/ui/i18n/index.ts';
