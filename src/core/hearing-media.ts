/**
 * How a video hearing's media travel, as pure rules.
 *
 * Peer to peer (a mesh), every browser sends its picture to every other one in its room: with
 * the judge and four remote participants each browser already sends four streams and decodes
 * four. A hearing with more listed participants goes through the SFU (a Janus videoroom) when
 * the deployment has one, where each browser sends one stream and receives the others'; without
 * one it stays a mesh (and works, more slowly, for a few more).
 *
 * Through the SFU a hearing has two videorooms: the main room (the judge, the clerk and the
 * admitted participants) and the consultation room (a participant with their lawyer, sent there
 * by the judge). Nobody waiting, removed or gone is in either.
 */
import type { ParticipantState } from './hearing-state';

/** The most listed participants (besides the judge and the clerk) a hearing holds peer to peer. */
const MESH_MAX_PARTICIPANTS = 4;

export type HearingMedia = 'mesh' | 'sfu';

/** The media path of a hearing with `participants` listed participants. */
export function hearingMedia(participants: number, sfuConfigured: boolean): HearingMedia {
  return sfuConfigured && participants > MESH_MAX_PARTICIPANTS ? 'sfu' : 'mesh';
}

export type SfuRoom = 'main' | 'consultation';

/** The SFU room someone in `state` sends to and receives from, or null (waiting, removed, gone). */
export function sfuRoomOf(state: ParticipantState): SfuRoom | null {
  if (state === 'admitted') return 'main';
  if (state === 'consultation') return 'consultation';
  return null;
}
