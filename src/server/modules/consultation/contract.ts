/**
 * The consultation area's endpoints: the consultants anyone may book and their free slots; the
 * registry and the fee ranges the association keeps; booking (online or at the counter), paying,
 * cancelling and moving a session; the consultant's day, notes and attendance; the citizen's
 * consultations and rating (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import { iceServersResponse } from '#server/platform/ice-servers';
import {
  attendanceBody,
  bookBody,
  bookedSchema,
  bookingList,
  bookingSchema,
  consultantBody,
  consultantCards,
  consultantSchema,
  consultantsQuery,
  dayQuery,
  daySchema,
  feeRangeBody,
  feeRangeList,
  feeRangeSchema,
  noteBody,
  provinceIdParams,
  ratingBody,
  registryList,
  registryQuery,
  rescheduleBody,
  sittingsBody,
  slotList,
  slotsQuery,
} from './schemas';

export const consultationContract = areaContract('consultation', {
  // ---- Finding a consultant (public) ----
  consultants: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/consultants',
    access: 'public',
    summary:
      'Consultants who can be booked today (active, licence in date), by field, province, office, video and language',
    query: consultantsQuery,
    response: consultantCards,
  }),
  slots: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/consultants/:id/slots',
    access: 'public',
    summary:
      "A consultant's free slots at an office or by video, on Tehran's clock, without Fridays, official holidays or booked times (up to 30 days)",
    params: idParams,
    query: slotsQuery,
    response: slotList,
    problems: ['not_found', 'consultant_not_bookable'],
  }),

  // ---- The registry and the fee ranges (the association, the regulator) ----
  registry: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/registry',
    access: 'consultation.registry.read',
    summary: "The consultants' registry within the caller's scope, with licences and whether each can be booked",
    query: registryQuery,
    response: registryList,
  }),
  register: endpoint({
    method: 'POST',
    path: '/api/v1/consultation/registry',
    access: 'consultation.registry.manage',
    summary: "Add a consultant to the registry: licence, fields, languages, fee within the province's range",
    body: consultantBody,
    status: 201,
    response: consultantSchema,
    problems: ['consultant_fee_out_of_range', 'consultation_fee_range_missing', 'consultant_licence_taken'],
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/v1/consultation/registry/:id',
    access: 'consultation.registry.manage',
    summary: "Change a consultant's record (licence renewed, fee, fields, active)",
    params: idParams,
    body: consultantBody,
    response: consultantSchema,
    problems: [
      'not_found',
      'consultant_fee_out_of_range',
      'consultation_fee_range_missing',
      'consultant_licence_taken',
    ],
  }),
  setSittings: endpoint({
    method: 'PUT',
    path: '/api/v1/consultation/registry/:id/sittings',
    access: 'consultation.sittings.edit',
    summary:
      'Where and when a consultant sits: offices holding the consultation competency (with a room) or video, with weekly hours; the consultant edits their own',
    params: idParams,
    body: sittingsBody,
    response: consultantSchema,
    problems: ['not_found'],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/me',
    access: 'consultation.sessions',
    summary: "The signed-in consultant's own registry record",
    response: consultantSchema,
    problems: ['not_found'],
  }),
  feeRanges: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/fee-ranges',
    access: 'consultation.registry.read',
    summary: "The fee range per session of each province in the caller's scope",
    response: feeRangeList,
  }),
  setFeeRange: endpoint({
    method: 'PUT',
    path: '/api/v1/consultation/fee-ranges/:id',
    access: 'consultation.registry.manage',
    summary: "Set a province's fee range per session (its association, or the regulator)",
    params: provinceIdParams,
    body: feeRangeBody,
    response: feeRangeSchema,
    problems: ['not_found'],
  }),

  // ---- Booking ----
  book: endpoint({
    method: 'POST',
    path: '/api/v1/consultation/bookings',
    access: 'consultation.book',
    summary:
      "Book a free slot (a citizen online, or an operator at the counter for a citizen) and start its payment: the consultant's fee plus the office fee of the tariff in force. Requires an Idempotency-Key header",
    description:
      'The slot is held while the payment is pending and confirmed only when it is credited; a failed or abandoned payment frees it. A retry with the same key answers what the first request answered.',
    body: bookBody,
    headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
    status: 201,
    response: bookedSchema,
    problems: [
      'not_found',
      'consultant_not_bookable',
      'consultation_slot_taken',
      'consultation_slot_unavailable',
      'idempotency_key_required',
      'idempotency_in_progress',
      'idempotency_key_reused',
    ],
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/bookings/mine',
    access: 'consultation.mine',
    summary: "The signed-in citizen's consultations, newest first, with the consultant's note and their rating",
    response: bookingList,
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/v1/consultation/bookings/:id/cancel',
    access: 'consultation.book',
    summary:
      "Cancel a booking: up to the consultant's cut-off the payment is refunded in full, after it nothing is refunded",
    params: idParams,
    response: bookingSchema,
    problems: ['not_found', 'consultation_status_conflict'],
  }),
  reschedule: endpoint({
    method: 'POST',
    path: '/api/v1/consultation/bookings/:id/reschedule',
    access: 'consultation.book',
    summary: 'Move a confirmed booking to another free slot of the same consultant and place, up to the cut-off',
    params: idParams,
    body: rescheduleBody,
    response: bookingSchema,
    problems: [
      'not_found',
      'consultation_status_conflict',
      'consultation_cutoff_passed',
      'consultation_slot_taken',
      'consultation_slot_unavailable',
    ],
  }),

  // ---- The session ----
  day: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/sessions',
    access: 'consultation.sessions',
    summary: "The signed-in consultant's sessions of a day (today in Tehran by default)",
    query: dayQuery,
    response: daySchema,
    problems: ['not_found'],
  }),
  note: endpoint({
    method: 'PUT',
    path: '/api/v1/consultation/bookings/:id/note',
    access: 'consultation.sessions',
    summary:
      "The consultant's note for the citizen: advice, documents to bring, a suggested next step (petition, legal notice, arbitration)",
    params: idParams,
    body: noteBody,
    response: bookingSchema,
    problems: ['not_found', 'consultation_status_conflict'],
  }),
  iceServers: endpoint({
    method: 'GET',
    path: '/api/v1/consultation/bookings/:id/ice-servers',
    access: 'signed-in',
    summary:
      "The STUN and TURN servers for a video session's call (RTCPeerConnection's iceServers), only to its citizen and its consultant while the call may be joined. TURN servers carry the caller's own time-limited credentials (coturn's use-auth-secret: username `expiry:userId`, credential base64(HMAC-SHA1(secret, username))); none on one machine",
    params: idParams,
    response: iceServersResponse,
    problems: ['not_found', 'consultation_call_closed'],
  }),
  attendance: endpoint({
    method: 'POST',
    path: '/api/v1/consultation/bookings/:id/attendance',
    access: 'consultation.attendance',
    summary:
      "How a session ended, once it has started: held, or a no-show (the consultant records the citizen's, the citizen the consultant's)",
    params: idParams,
    body: attendanceBody,
    response: bookingSchema,
    problems: ['not_found', 'consultation_status_conflict'],
  }),
  rate: endpoint({
    method: 'POST',
    path: '/api/v1/consultation/bookings/:id/rating',
    access: 'consultation.mine',
    summary: 'The citizen rates a held session once: 1 to 5 stars and an optional text',
    params: idParams,
    body: ratingBody,
    response: bookingSchema,
    problems: ['not_found', 'consultation_status_conflict', 'consultation_already_rated'],
  }),
});
