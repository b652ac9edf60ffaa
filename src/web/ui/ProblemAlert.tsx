/**
 * Renders an error from the API (RFC 9457 problem+json) in the reader's language. Field errors
 * belong next to their fields: a form passes the names it shows (`shownFields`) and gets the
 * rest listed here, so no error is ever silently dropped.
 */
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { localDigits } from './PersianDigits';

export interface ProblemAlertProps {
  error: unknown;
  shownFields?: string[];
  title?: string;
  'data-testid'?: string;
}

function problemMessage(error: unknown, lang: 'fa' | 'en', fallback: string): string {
  if (isApiError(error)) {
    const { problem } = error;
    return problem.message?.[lang] || problem.message?.fa || problem.detail || problem.title || fallback;
  }
  return fallback;
}

export function ProblemAlert({ error, shownFields = [], title, ...rest }: ProblemAlertProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (!error) return null;

  const message = problemMessage(error, lang, t('common.unexpectedError'));
  const problem = isApiError(error) ? error.problem : null;
  const others = (problem?.errors ?? []).filter((e) => !shownFields.includes(e.field));
  const retry = typeof problem?.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : null;

  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title ?? t('common.errorTitle')}
      data-testid={rest['data-testid'] ?? 'problem-alert'}
    >
      {message}
      {retry !== null && retry > 0 ? <> {t('common.retryAfter', { seconds: localDigits(retry, lang) })}</> : null}
      {others.length > 0 ? (
        <List size="sm" mt="xs">
          {others.map((e) => (
            <List.Item key={`${e.field}-${e.code}`}>{e.message?.[lang] ?? e.message?.fa ?? e.code}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
