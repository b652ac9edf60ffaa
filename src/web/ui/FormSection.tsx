/**
 * The shell of a form that stands on its own on a page: a bordered panel labelled by its heading
 * (wired with `useId`, so two on a page never share an id), an optional line under the heading, the
 * fields, and the buttons at the inline end. `level` 2 is a form of the page (h2); 3 is a smaller
 * form inside one of the page's parts (h3, tighter spacing).
 *
 * `as="section"` (the default) renders a region holding the form; `as="form"` makes the panel the
 * form itself, a form landmark named by the heading.
 */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type FormEvent, type ReactNode } from 'react';

export interface FormSectionProps {
  title: ReactNode;
  /** A line under the heading. */
  description?: ReactNode;
  /** The heading's level: 2 for a form of the page, 3 for a form inside a part of it. */
  level?: 2 | 3;
  /** A region holding the form (default) or the form itself as the labelled landmark. */
  as?: 'section' | 'form';
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The fields. */
  children: ReactNode;
  /** The buttons, at the inline end under the fields. */
  actions?: ReactNode;
  /** The panel's test id. */
  'data-testid'?: string;
  /** The form element's test id, with `as="section"`. */
  formTestId?: string;
}

export function FormSection({
  title,
  description,
  level = 2,
  as = 'section',
  onSubmit,
  children,
  actions,
  'data-testid': testId,
  formTestId,
}: FormSectionProps) {
  const titleId = useId();
  const body = (
    <Stack gap={level === 3 ? 'sm' : 'md'}>
      <Title order={level} size={level === 3 ? 'h5' : 'h4'} id={titleId}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      ) : null}
      {children}
      {actions ? <Group justify="flex-end">{actions}</Group> : null}
    </Stack>
  );
  if (as === 'form') {
    return (
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={onSubmit}
        // The browser's own checks stay off: the server's refusal is shown next to each field in the reader's language.
        noValidate
        aria-labelledby={titleId}
        data-testid={testId}
      >
        {body}
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={testId}>
      <form onSubmit={onSubmit} noValidate data-testid={formTestId}>
        {body}
      </form>
    </Paper>
  );
}
