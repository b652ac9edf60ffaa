/**
 * What the consultation area lets later areas read of its ratings (the quality area's office
 * facts): the citizens' ratings of sessions held at an office — or booked at its counter, for a
 * video session — rated within a period. Read only; rows never leave as-is.
 */
import { and, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { consultants, consultationBookings } from './tables';

export interface OfficeConsultationRatings {
  rated: number;
  /** The mean of the stars, to two decimals; null when nothing was rated. */
  averageStars: number | null;
  /** How many sessions got 1, 2, 3, 4 and 5 stars. */
  byStars: [number, number, number, number, number];
  /** The ratings with a text, newest first (at most 20). */
  comments: { stars: number; text: string; ratedAt: string; consultant: string }[];
}

export async function consultationRatingsOf(
  db: Executor,
  officeIds: number[],
  from: Date,
  to: Date,
): Promise<Map<number, OfficeConsultationRatings>> {
  const out = new Map<number, OfficeConsultationRatings>(
    officeIds.map((id) => [id, { rated: 0, averageStars: null, byStars: [0, 0, 0, 0, 0], comments: [] }]),
  );
  if (officeIds.length === 0) return out;
  const place = sql<number>`coalesce(${consultationBookings.officeId}, ${consultationBookings.bookedAtOfficeId})`;
  const rows = await db
    .select({
      officeId: place,
      stars: consultationBookings.rating,
      text: consultationBookings.ratingText,
      ratedAt: consultationBookings.ratedAt,
      firstName: consultants.firstName,
      lastName: consultants.lastName,
    })
    .from(consultationBookings)
    .innerJoin(consultants, sql`${consultants.id} = ${consultationBookings.consultantId}`)
    .where(
      and(
        isNotNull(consultationBookings.rating),
        gte(consultationBookings.ratedAt, from),
        lt(consultationBookings.ratedAt, to),
        sql`${place} in (${sql.join(
          officeIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(sql`${consultationBookings.ratedAt} desc`);
  for (const r of rows) {
    const o = out.get(Number(r.officeId));
    if (!o || r.stars == null || !r.ratedAt) continue;
    o.rated += 1;
    o.byStars[r.stars - 1] += 1;
    if (r.text && o.comments.length < 20)
      o.comments.push({
        stars: r.stars,
        text: r.text,
        ratedAt: r.ratedAt.toISOString(),
        consultant: `${r.firstName} ${r.lastName}`,
      });
  }
  for (const o of out.values())
    if (o.rated > 0)
      o.averageStars = Math.round((o.byStars.reduce((sum, n, i) => sum + n * (i + 1), 0) / o.rated) * 100) / 100;
  return out;
}
