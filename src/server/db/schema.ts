/** Every table, for drizzle-kit (migrations) and for typed queries. Each area owns its tables.ts. */
export * from '../modules/geo/tables';
export * from '../modules/offices/tables';
export * from '../modules/court/tables';
export * from '../modules/identity/tables';
export * from '../platform/auth/tables';
export * from '../platform/audit/tables';
export * from '../platform/notifier/tables';
