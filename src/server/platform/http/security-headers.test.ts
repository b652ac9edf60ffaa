import { describe, expect, it } from 'vitest';
import { PRINTABLE_PAGE_POLICY, policyAllowingHandlers } from './security-headers';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

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
