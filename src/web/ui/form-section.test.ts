/**
 * The form shell's markup, rendered to HTML: the panel is named by its own heading, the form holds
 * the fields and the buttons, and the browser's own checks stay off unless a form asks for them.
 */
import { MantineProvider } from '@mantine/core';
import { createElement, Fragment, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormSection, type FormSectionProps } from './FormSection.tsx';

const html = (...forms: ReactElement[]) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(Fragment, null, ...forms)));

const form = (props: Omit<FormSectionProps, 'onSubmit' | 'children'>, children = 'fields') =>
  createElement(FormSection, { onSubmit: () => undefined, ...props, children });

/** The opening tag of the first element named `tag`. */
const openingTag = (markup: string, tag: string) => new RegExp(`<${tag}\\b[^>]*>`).exec(markup)?.[0] ?? '';
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('FormSection', () => {
  it('is a region named by its h2, holding a form that leaves the checks to the server', () => {
    const markup = html(form({ title: 'صدور پروانه', 'data-testid': 'issue-licence', formTestId: 'issue-form' }));
    const section = openingTag(markup, 'section');
    const heading = openingTag(markup, 'h2');
    const formTag = openingTag(markup, 'form');
    expect(attribute(section, 'data-testid')).toBe('issue-licence');
    expect(attribute(section, 'aria-labelledby')).toBeTruthy();
    expect(attribute(section, 'aria-labelledby')).toBe(attribute(heading, 'id'));
    expect(markup).toMatch(/<h2\b[^>]*>صدور پروانه<\/h2>/);
    expect(attribute(formTag, 'data-testid')).toBe('issue-form');
    expect(formTag).toMatch(/\snovalidate=""/i);
    // The form sits inside the section, the heading inside the form.
    expect(markup.indexOf('<section')).toBeLessThan(markup.indexOf('<form'));
    expect(markup.indexOf('<form')).toBeLessThan(markup.indexOf('<h2'));
  });

  it('as a form, is itself the form landmark named by its h3', () => {
    const markup = html(form({ as: 'form', level: 3, title: 'قرارداد تازه', 'data-testid': 'contract-form' }));
    expect(markup).not.toContain('<section');
    const formTag = openingTag(markup, 'form');
    expect(attribute(formTag, 'data-testid')).toBe('contract-form');
    expect(attribute(formTag, 'aria-labelledby')).toBe(attribute(openingTag(markup, 'h3'), 'id'));
    expect(markup).toMatch(/<h3\b[^>]*>قرارداد تازه<\/h3>/);
  });

  it('gives each form on a page its own heading id', () => {
    const markup = html(form({ title: 'یک' }), form({ title: 'دو' }));
    const ids = [...markup.matchAll(/<h2\b[^>]*\sid="([^"]*)"/g)].map((m) => m[1]);
    const labels = [...markup.matchAll(/<section\b[^>]*\saria-labelledby="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(labels).toEqual(ids);
  });

  it("leaves the browser's own checks off in either shape, so the server's refusals show by the fields", () => {
    expect(openingTag(html(form({ as: 'form', title: 'دوره' })), 'form')).toMatch(/novalidate/i);
    expect(openingTag(html(form({ title: 'دوره' })), 'form')).toMatch(/novalidate/i);
  });

  it('shows the line under the heading, then the fields, then the buttons', () => {
    const markup = html(
      form(
        { title: 'شبیه‌سازی', description: 'یک خط توضیح', actions: createElement('button', { type: 'submit' }, 'اجرا') },
        'the fields',
      ),
    );
    const at = (s: string) => markup.indexOf(s);
    expect(at('شبیه‌سازی')).toBeLessThan(at('یک خط توضیح'));
    expect(at('یک خط توضیح')).toBeLessThan(at('the fields'));
    expect(at('the fields')).toBeLessThan(at('<button type="submit">اجرا</button>'));
  });

  it('has no description or button row when none is given', () => {
    const markup = html(form({ title: 'عنوان' }, 'only fields'));
    expect(markup).not.toContain('<p');
    expect(markup).not.toContain('<button');
  });
});
