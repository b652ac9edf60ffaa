/** The accounts area's value lists: how a citizen's identity was checked, kinds of representative (pure; tables, contracts and the web import them). */

/** How identity is checked at an office when an e-account is opened there. */
export const IDENTITY_CHECKS_AT_OFFICE = [
  'national-card',
  'birth-certificate',
  'biometric',
  'registry-inquiry',
] as const;
/** How identity was checked at registration: at an office, or online (mobile ownership + registry). */
export const IDENTITY_CHECKS = [...IDENTITY_CHECKS_AT_OFFICE, 'online'] as const;

export const REPRESENTATIVE_KINDS = ['lawyer', 'guardian', 'legal-adviser'] as const;
