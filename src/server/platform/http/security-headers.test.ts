import { describe, expect, it } from 'vitest';
import {
  allowingConnections,
  HELMET_OPTIONS,
  helmetHeaders,
  PRINTABLE_PAGE_POLICY,
  policyAllowingHandlers,
} from './security-headers';

const directive = (policy: string, name: string) => policy.split(/; ?/).find((d) => d.startsWith(`${name} `));

describe('policies for server-rendered pages', () => {
  it("allow a printable page's print button by the hash of its handler, and nothing else inline", () => {
    // printf 'window.print()' | openssl dgst -sha256 -binary | base64
    expect(directive(PRINTABLE_PAGE_POLICY, 'script-src-attr')).toBe(
      "script-src-attr 'unsafe-hashes' 'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='",
    );
    expect(directive(PRINTABLE_PAGE_POLICY, 'script-src')).toBe("script-src 'self'");
    expect(directive(PRINTABLE_PAGE_POLICY, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it("allow the sandbox bank's self-posting form by its own hash", () => {
    // printf 'document.forms[0].submit()' | openssl dgst -sha256 -binary | base64
    expect(directive(policyAllowingHandlers('document.forms[0].submit()'), 'script-src-attr')).toBe(
      "script-src-attr 'unsafe-hashes' 'sha256-ePniVEkSivX/c7XWBGafqh8tSpiRrKiqYeqbG7N1TOE='",
    );
  });
});

describe('the headers every answer carries, computed once', () => {
  it('are the set helmet 8 gives for our options, HSTS left to TLS requests', () => {
    const headers = helmetHeaders(HELMET_OPTIONS);
    expect(Object.keys(headers).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ]);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
    // helmet joins the directives with ';' alone.
    const csp = headers['content-security-policy'].split(';');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("script-src 'self'");
  });
});

describe("the hearing room's SFU", () => {
  it('is one more origin the page may connect to, only when there is one', () => {
    const csp = (sources: string[]) =>
      helmetHeaders(allowingConnections(HELMET_OPTIONS, sources))['content-security-policy'];
    expect(directive(csp([]), 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp(['wss://media.example.ir']), 'connect-src')).toBe("connect-src 'self' wss://media.example.ir");
    expect(directive(csp(['wss://media.example.ir']), 'script-src')).toBe("script-src 'self'");
  });
});
