/** The quality area's endpoints: measured facts, the score and its weights, inspections, citizens' surveys (see platform/http/contract.ts). */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import {
  factsListQuery,
  factsListSchema,
  inspectionBody,
  inspectionSchema,
  monthQuery,
  officeFactsSchema,
  officeScoreSchema,
  scoresListSchema,
  surveyAnswerBody,
  surveyAnsweredSchema,
  surveyParams,
  surveySchema,
  weightSetBody,
  weightSetSchema,
  weightSetsSchema,
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
  scores: endpoint({
    method: 'GET',
    path: '/api/v1/quality/scores',
    access: 'quality.scores',
    summary:
      "Each office's quality score 0–100 for a Jalali month within the caller's scope, shrunk toward its province's mean for few services, with how sure it is, its rank in the province and what pulled it down",
    query: factsListQuery,
    response: scoresListSchema,
  }),
  officeScore: endpoint({
    method: 'GET',
    path: '/api/v1/quality/offices/:id/score',
    access: 'quality.scores',
    summary:
      "One office's quality score for a Jalali month: each component against the province's mean, what pulled it down, its rank and the twelve months to it",
    params: idParams,
    query: monthQuery,
    response: officeScoreSchema,
    problems: ['not_found'],
  }),
  recordInspection: endpoint({
    method: 'POST',
    path: '/api/v1/quality/offices/:id/inspections',
    access: 'quality.inspections.record',
    summary:
      "Record an inspection of an office by its province's association: every checklist item passed or failed with a note, the day of the visit and the overall verdict; counted in the score of the visit's month",
    params: idParams,
    body: inspectionBody,
    response: inspectionSchema,
    status: 201,
    problems: ['not_found'],
  }),
  weights: endpoint({
    method: 'GET',
    path: '/api/v1/quality/weights',
    access: 'quality.weights.read',
    summary: "The quality score's weight sets the national association published, and the set in force this month",
    response: weightSetsSchema,
  }),
  publishWeights: endpoint({
    method: 'POST',
    path: '/api/v1/quality/weights',
    access: 'quality.weights.manage',
    summary:
      'Publish a weight set (whole numbers summing to 100) from a coming Jalali month: never applied to a month already begun',
    body: weightSetBody,
    response: weightSetSchema,
    status: 201,
    problems: ['quality_weights_sum', 'quality_weights_retroactive'],
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
