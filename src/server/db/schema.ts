/** Every table, for drizzle-kit (migrations) and for typed queries. Each area owns its tables.ts. */
export * from '../modules/geo/tables';
export * from '../modules/offices/tables';
export * from '../modules/courts/tables';
export * from '../modules/accounts/tables';
export * from '../modules/identity/tables';
export * from '../modules/catalog/tables';
export * from '../modules/tariffs/tables';
export * from '../modules/filings/tables';
export * from '../modules/payments/tables';
export * from '../modules/notices/tables';
export * from '../modules/counter/tables';
export * from '../modules/records/tables';
export * from '../modules/operators/tables';
export * from '../platform/auth/tables';
export * from '../platform/audit/tables';
export * from '../platform/notifier/tables';
export * from '../platform/http/tables';
