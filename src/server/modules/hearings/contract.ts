/**
 * The hearings area's endpoints: video hearings of a case scheduled by the court's clerk, moved
 * through their states by the judge or the clerk, their minutes, and the hearing as each
 * participant sees it. The hearing room's signalling is a WebSocket (signalling.ts), not part of
 * this contract.
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { iceServersResponse } from '#server/platform/ice-servers';
import {
  bookBoothBody,
  boothCheckBody,
  boothCheckParams,
  boothCheckSchema,
  boothCalendarParams,
  boothCalendarQuery,
  boothCalendarResponse,
  boothOfficesQuery,
  boothOfficesResponse,
  checkInBody,
  checkInResponse,
  hearingParams,
  hearingSchema,
  hearingsQuery,
  hearingsResponse,
  judgesQuery,
  judgesResponse,
  minutesBody,
  participantParams,
  scheduleBody,
  scheduleHeaders,
  transitionBody,
} from './schemas';

export const hearingsContract = areaContract('hearings', {
  schedule: endpoint({
    method: 'POST',
    path: '/api/v1/hearings',
    access: 'hearings.schedule',
    summary:
      "Schedule a video hearing of a case of the clerk's court: day, Tehran time, length, judge, participants and where each attends from; every participant gets the summons as an e-notice. An optional Idempotency-Key makes retries safe",
    headers: scheduleHeaders,
    body: scheduleBody,
    status: 201,
    response: hearingSchema,
    problems: ['not_found', 'idempotency_key_reused', 'idempotency_in_progress'],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/v1/hearings',
    access: 'hearings.read',
    summary: "Hearings: the court's for its clerk and judges, one's own for a citizen called to them; soonest first",
    query: hearingsQuery,
    response: hearingsResponse,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/hearings/:id',
    access: 'hearings.read',
    summary: 'A hearing with its participants, their states and the attendance so far',
    params: hearingParams,
    response: hearingSchema,
    problems: ['not_found'],
  }),
  iceServers: endpoint({
    method: 'GET',
    path: '/api/v1/hearings/:id/ice-servers',
    access: 'hearings.read',
    summary:
      "The STUN and TURN servers for the hearing room's peer connections (RTCPeerConnection's iceServers), only to those seated in it: its participants, its judge and its court's clerk. TURN servers carry the caller's own time-limited credentials (coturn's use-auth-secret: username `expiry:userId`, credential base64(HMAC-SHA1(secret, username))); none on one machine",
    params: hearingParams,
    response: iceServersResponse,
    problems: ['not_found'],
  }),
  transition: endpoint({
    method: 'POST',
    path: '/api/v1/hearings/:id/transitions',
    access: 'hearings.conduct',
    summary:
      'Open the waiting room, start, pause, resume, adjourn or close the hearing (judge or clerk); closing puts the minutes and attendance on the case as a PDF',
    params: hearingParams,
    body: transitionBody,
    response: hearingSchema,
    problems: ['not_found', 'hearing_transition_not_allowed'],
  }),
  minutes: endpoint({
    method: 'PUT',
    path: '/api/v1/hearings/:id/minutes',
    access: 'hearings.minutes',
    summary: "Save the clerk's minutes (صورتجلسه) of a hearing not yet ended",
    params: hearingParams,
    body: minutesBody,
    response: z.object({ minutesUpdatedAt: z.string() }),
    problems: ['not_found', 'hearing_ended'],
  }),
  judges: endpoint({
    method: 'GET',
    path: '/api/v1/hearings/judges',
    access: 'hearings.schedule',
    summary: "The judges of a case's court, for the clerk to choose who presides",
    query: judgesQuery,
    response: judgesResponse,
    problems: ['not_found'],
  }),
  boothOffices: endpoint({
    method: 'GET',
    path: '/api/v1/hearings/:id/booth-offices',
    access: 'hearings.read',
    summary:
      'Active offices with hearing booths, nearest first when the caller says where they are, each with whether a booth is free for the whole hearing',
    params: hearingParams,
    query: boothOfficesQuery,
    response: boothOfficesResponse,
    problems: ['not_found'],
  }),
  bookBooth: endpoint({
    method: 'POST',
    path: '/api/v1/hearings/:id/participants/:participantId/booth',
    access: 'hearings.book-booth',
    summary:
      'Book a booth at an office for a participant to attend from (the participant themself, or the clerk assigning the office); a booth is never booked twice for overlapping hearings',
    params: participantParams,
    body: bookBoothBody,
    response: hearingSchema,
    problems: ['not_found', 'hearing_ended'],
  }),
  boothCalendar: endpoint({
    method: 'GET',
    path: '/api/v1/offices/:id/hearing-booths',
    access: 'hearings.booths',
    summary: "An office's hearing booths on a day (Jalali): each booking with its hearing, participant and check-in",
    params: boothCalendarParams,
    query: boothCalendarQuery,
    response: boothCalendarResponse,
    problems: ['not_found'],
  }),
  boothCheck: endpoint({
    method: 'POST',
    path: '/api/v1/offices/:id/hearing-booths/:boothNo/checks',
    access: 'hearings.booth-check',
    summary:
      "Record the office's check of a booth's device the day before its hearings: what the camera, microphone, speaker and connection checks ended as; passed only when all four are ok",
    params: boothCheckParams,
    body: boothCheckBody,
    status: 201,
    response: boothCheckSchema,
    problems: ['not_found'],
  }),
  checkIn: endpoint({
    method: 'POST',
    path: '/api/v1/hearings/:id/participants/:participantId/check-in',
    access: 'hearings.check-in',
    summary:
      'Check a participant in at the office: their national ID and the code on their summons, checked by the operator, admit them to the booth; a mismatch is refused and audited',
    params: participantParams,
    body: checkInBody,
    response: checkInResponse,
    problems: ['not_found', 'check_in_mismatch', 'not_at_this_office', 'hearing_ended'],
  }),
});
