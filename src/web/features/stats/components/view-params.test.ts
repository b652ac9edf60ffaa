import { describe, expect, it } from 'vitest';
import { placeSearch, viewOf, withFilter } from './view-params';

describe("the dashboard's view in its address", () => {
  it('reads the place and the filters, ignoring what is not one', () => {
    expect(viewOf(new URLSearchParams('countyId=12&fromMonth=1405-01&channel=fax&officeId=x'))).toEqual({
      provinceId: undefined,
      countyId: 12,
      officeId: undefined,
      fromMonth: '1405-01',
      toMonth: undefined,
      service: undefined,
      channel: undefined,
    });
  });
  it('drilling to another place keeps the filters and names only the new place', () => {
    const here = new URLSearchParams('provinceId=1&service=petition&channel=online');
    expect(placeSearch(here, 'county', 7)).toBe('?countyId=7&service=petition&channel=online');
    expect(placeSearch(here, 'nation', null)).toBe('?service=petition&channel=online');
  });
  it('a filter is set or cleared at the same place', () => {
    const here = new URLSearchParams('officeId=3&channel=office');
    expect(withFilter(here, 'channel', null).toString()).toBe('officeId=3');
    expect(withFilter(here, 'toMonth', '1405-02').toString()).toBe('officeId=3&channel=office&toMonth=1405-02');
  });
});
