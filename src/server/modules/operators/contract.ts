/**
 * The operators area's endpoints defined as contracts so far: the staff photo upload. The rest of
 * the area's routes follow in its routes files until it moves over.
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from './registry/schemas';

/** What a photo may be sent as; its real type is judged by content. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'] as const;

export const operatorsContract = areaContract('operators', {
  uploadPhoto: endpoint({
    method: 'PUT',
    path: '/api/v1/staff/:id/photo',
    access: 'employment.manage',
    summary:
      "Replace a staff member's photo: the image as the request body (image/jpeg or image/png, at most 1 MB), checked by content",
    params: idParams,
    upload: { kind: 'raw', mediaTypes: ['image/jpeg', 'image/png'] },
    response: z.object({ hasPhoto: z.literal(true) }),
    problems: ['not_found', 'file_too_large', 'unsupported_media_type', 'unsupported_file_type', 'corrupt_file'],
  }),
});
