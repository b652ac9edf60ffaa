/**
 * A case number, a filing's tracking code or a payment's receipt number as people read it back:
 * one digit script per locale (see ref-number.ts) in a left-to-right <bdi>, so its parts keep their
 * order inside Persian text, on one line.
 */
import type { CSSProperties } from 'react';
import { useLang } from '#web/app/i18n/index.ts';
import { refNumberText } from './ref-number.ts';

export function RefNumber({
  value,
  style,
  className,
  'data-testid': testId,
}: {
  value: string | number;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
}) {
  const { lang } = useLang();
  return (
    // One unbroken run: a number split over two lines is read in the wrong order.
    <bdi dir="ltr" style={{ whiteSpace: 'nowrap', ...style }} className={className} data-testid={testId}>
      {refNumberText(value, lang)}
    </bdi>
  );
}
