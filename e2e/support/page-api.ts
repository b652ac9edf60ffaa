/**
 * One call to the API from a person's own browser session, as the web app makes it: the session
 * cookie goes along, the `daftar_csrf` cookie's token goes in the `x-csrf-token` header, and a body
 * is sent as JSON.
 */
import type { Page } from 'playwright-core';

export interface PageResponse {
  status: number;
  /** The response parsed as JSON; null when it was empty or not JSON. */
  body: unknown;
}

export async function pageRequest(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<PageResponse> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const csrf = /(?:^|; )daftar_csrf=([^;]*)/.exec(document.cookie)?.[1];
      const res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      return { status: res.status, body: parsed };
    },
    { method, url, body },
  );
}
