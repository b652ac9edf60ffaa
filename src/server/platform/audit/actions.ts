/**
 * Every action and object type the audit log can hold, as data. `recordAudit` takes only these, so
 * the compiler keeps the list complete; the audit log's filters offer them, and the web has a
 * Persian and an English label for each (src/web/features/audit/labels.test.ts fails on a
 * missing one). Pure: the web reads it through the platform's schemas.
 */
export const AUDIT_ACTIONS = [
  // Signing in (identity): who came in, from where, and who was refused.
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.staff-code-sign-in',
  // Staff accounts (identity) and the offices' people (operators).
  'users.create',
  'users.reset-password',
  'staff.profile.update',
  'staff.photo.update',
  'employment.contract.create',
  'employment.contract.terminate',
  'employment.insurance.start',
  'employment.insurance.end',
  'training.course.create',
  'training.course.update',
  'training.session.create',
  'training.attendance',
  'exams.question.create',
  'exams.question.update',
  'exams.question.deactivate',
  'exams.exam.create',
  'exams.exam.update',
  'exams.attempt.submit',
  'licences.issue',
  'licences.renew',
  'licences.suspend',
  'licences.reinstate',
  'licences.revoke',
  // Offices: applications, profile, status, competencies.
  'office-application.submit',
  'office-application.review',
  'office-application.decide',
  'office.profile.update',
  'office.status.change',
  'competency.grant',
  'competency.status.change',
  // Citizens' e-accounts, legal persons, representatives; the counter.
  'eaccounts.register',
  'legal-persons.create',
  'representatives.create',
  'counter.consent',
  'counter.status-lookup',
  // Filings: each step that changes one, and the court's answer.
  'filings.create',
  'filings.edited',
  'filings.attachment-added',
  'filings.attachment-removed',
  'filings.confirmed',
  'filings.payment-started',
  'filings.paid',
  'filings.submitted',
  'filings.resubmitted',
  'filings.accepted',
  'filings.returned',
  // Payments.
  'payments.started',
  'payments.paid',
  'payments.failed',
  'payments.cancelled',
  'payments.expired',
  // The court desk and notices; holidays and deadline rules.
  'court.case-open',
  'notices.issue',
  'notices.deliver',
  'notices.open-at-office',
  'notices.deadlines-recounted',
  'notices.serve-paper',
  'notices.attach-document',
  // Video hearings: scheduled, moved through their states, minutes closed onto the case.
  'hearings.schedule',
  'hearings.transition',
  'hearings.participant',
  'holidays.add',
  'holidays.remove',
  'holidays.confirm-lunar',
  'holidays.move-lunar',
  'deadline-rules.update',
  // Tariffs and the catalog's channel policy.
  'tariffs.schedule.draft',
  'tariffs.schedule.edit',
  'tariffs.schedule.delete',
  'tariffs.schedule.approve',
  'tariffs.cost-model.update',
  'tariffs.court-cost-rule.add',
  'tariffs.court-cost-rule.remove',
  'catalog.channel-policy.change',
  // Geography: population imports and candidate sites.
  'geo.population.import',
  'geo.sites.add',
  'geo.sites.remove',
  // Loading a dataset (the demo, `daftar seed`).
  'dataset.seed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The steps of a filing the audit log records, as `filings.<step>`. */
export type FilingAuditStep = AuditAction extends infer A ? (A extends `filings.${infer S}` ? S : never) : never;

export const AUDIT_ENTITY_TYPES = [
  'sign-in',
  'user',
  'employment_contract',
  'insurance_period',
  'course',
  'course-session',
  'exam-question',
  'exam',
  'exam-attempt',
  'activity_licence',
  'office_application',
  'office',
  'citizen',
  'legal_person',
  'representative',
  'consent',
  'filing',
  'payment',
  'case',
  'notice',
  'hearing',
  'notice-deadlines',
  'holiday',
  'notice-deadline-rule',
  'tariff_schedule',
  'office_cost_defaults',
  'court_cost_rule',
  'catalog_service',
  'population_import',
  'candidate_site',
  'dataset',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
