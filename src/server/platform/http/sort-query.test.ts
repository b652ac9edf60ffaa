import { describe, expect, it } from 'vitest';
import { sortQuery } from './fields';

const licences = sortQuery(['number', 'holder', 'expires']);

describe('the sort query parameter of a paged list', () => {
  it('takes a listed column with a direction', () => {
    expect(licences.parse('expires:desc')).toEqual({ column: 'expires', dir: 'desc' });
    expect(licences.parse('holder:asc')).toEqual({ column: 'holder', dir: 'asc' });
  });
  it('is optional: the list keeps its own order', () => {
    expect(licences.parse(undefined)).toBeUndefined();
  });
  it('refuses a column the list does not sort by, a missing or unknown direction, and SQL', () => {
    for (const value of ['mobile:asc', 'expires', 'expires:up', 'expires:desc;drop table users', ':asc', ''])
      expect(licences.safeParse(value).success, value).toBe(false);
  });
});
