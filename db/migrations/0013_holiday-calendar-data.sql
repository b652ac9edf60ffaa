-- The law's holidays are no longer stored: they are computed for any year (src/core/holidays.ts).
-- The rows the reference seed wrote for 1403–1406 (the fixed solar holidays under their own titles,
-- and every row holding a computed lunar holiday, marked by its title) leave the table; what stays
-- are the days admins added. A seeded day an admin had deleted (its holidays.remove audit event,
-- and no row for the day since) becomes a removal, so the computed calendar does not bring it back.
-- Deadlines already fixed from these days are counted again at the next start
-- (src/server/modules/notices/recount.ts), against the same days; a database with none (a new one)
-- has nothing to recount and is marked as done here.
INSERT INTO "holiday_removals" ("day", "title_fa", "title_en", "removed_by", "removed_at")
SELECT DISTINCT ON (e."entity_id") e."entity_id"::date,
  replace(coalesce(e."data"->>'titleFa', ''), ' (محاسبه‌شده؛ با تقویم رسمی تطبیق دهید)', ''), replace(coalesce(e."data"->>'titleEn', ''), ' (computed; check against the official calendar)', ''),
  e."actor_user_id", e."at"
FROM "audit_events" e
WHERE e."action" = 'holidays.remove'
  AND (e."data"->>'titleEn' LIKE '% (computed; check against the official calendar)' OR (e."data"->>'titleFa', e."data"->>'titleEn') IN (VALUES ('عید نوروز', 'Nowruz'), ('روز جمهوری اسلامی', 'Islamic Republic Day'), ('روز طبیعت', 'Nature Day'), ('رحلت امام خمینی', 'Death of Imam Khomeini'), ('قیام ۱۵ خرداد', 'Revolt of 15 Khordad'), ('پیروزی انقلاب اسلامی', 'Victory of the Islamic Revolution'), ('ملی شدن صنعت نفت', 'Nationalisation of the oil industry')))
  AND NOT EXISTS (SELECT 1 FROM "holidays" h WHERE h."day" = e."entity_id"::date)
ORDER BY e."entity_id", e."seq" DESC
ON CONFLICT DO NOTHING;
--> statement-breakpoint
DELETE FROM "holidays"
WHERE "title_en" LIKE '% (computed; check against the official calendar)'
  OR ("title_fa", "title_en") IN (VALUES ('عید نوروز', 'Nowruz'), ('روز جمهوری اسلامی', 'Islamic Republic Day'), ('روز طبیعت', 'Nature Day'), ('رحلت امام خمینی', 'Death of Imam Khomeini'), ('قیام ۱۵ خرداد', 'Revolt of 15 Khordad'), ('پیروزی انقلاب اسلامی', 'Victory of the Islamic Revolution'), ('ملی شدن صنعت نفت', 'Nationalisation of the oil industry'));
--> statement-breakpoint
INSERT INTO "deadline_recounts" ("rule", "recounted_at", "changed")
SELECT 'art-445-free-limits', now(), 0
WHERE NOT EXISTS (SELECT 1 FROM "notice_deliveries" WHERE "delivered_at" IS NOT NULL AND "deadline_days" IS NOT NULL);
