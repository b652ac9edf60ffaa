/** Every table, for drizzle-kit (migrations) and for typed queries. Each area owns its tables.ts. */
export * from '#server/modules/geo/tables';
export * from '#server/modules/offices/tables';
export * from '#server/modules/courts/tables';
export * from '#server/modules/accounts/tables';
export * from '#server/modules/identity/tables';
export * from '#server/modules/catalog/tables';
export * from '#server/modules/tariffs/tables';
export * from '#server/modules/filings/tables';
export * from '#server/modules/payments/tables';
export * from '#server/modules/notices/tables';
export * from '#server/modules/counter/tables';
export * from '#server/modules/records/tables';
export * from '#server/modules/operators/tables';
export * from '#server/platform/auth/tables';
export * from '#server/platform/audit/tables';
export * from '#server/platform/notifier/tables';
export * from '#server/platform/http/tables';
