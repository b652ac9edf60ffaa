/** The quality area's endpoints: each office's measured facts per Jalali month (see platform/http/contract.ts). */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import {
  factsListQuery,
  factsListSchema,
  monthQuery,
  officeFactsSchema,
  surveyAnswerBody,
  surveyAnsweredSchema,
  surveyParams,
  surveySchema,
} from './schemas';

export const qualityContract = areaContract('quality', {
  facts: endpoint({
    method: 'GET',
    path: '/api/v1/quality/facts',
    access: 'quality.facts',
    summary:
      "Each office's measured facts for a Jalali month, within the caller's scope: counter waiting and service time, court returns, same-day submissions, notices opened at the office, cancelled payments",
    query: factsListQuery,
    response: factsListSchema,
  }),
  officeFacts: endpoint({
    method: 'GET',
    path: '/api/v1/quality/offices/:id/facts',
    access: 'quality.facts',
    summary: "One office's measured facts for a Jalali month, and each operator's part of them",
    params: idParams,
    query: monthQuery,
    response: officeFactsSchema,
    problems: ['not_found'],
  }),
  survey: endpoint({
    method: 'GET',
    path: '/api/v1/quality/surveys/:token',
    access: 'public',
    summary:
      'The survey an SMS link opens after a counter service (no sign-in): the office and service it is about, until when it may be answered',
    params: surveyParams,
    response: surveySchema,
    problems: ['not_found', 'survey_link_expired', 'survey_link_used'],
  }),
  answerSurvey: endpoint({
    method: 'POST',
    path: '/api/v1/quality/surveys/:token/answer',
    access: 'public',
    summary:
      'Answer the survey (satisfaction 1–5, would come back, optional text): once per link, within seven days of the service',
    params: surveyParams,
    body: surveyAnswerBody,
    response: surveyAnsweredSchema,
    problems: ['not_found', 'survey_link_expired', 'survey_link_used'],
  }),
});
