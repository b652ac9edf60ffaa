-- The province and county service rollups (docs/decisions/0067) are sums of service_volume_monthly,
-- kept in step with it by its own statement triggers: whatever writes the office rollup (a
-- recorded service's upsert, the rebuild, a correction by hand) moves the two coarser sums by the
-- same amounts in the same transaction, in the same stripe (slot) as the rows written, so
-- concurrent services wait on each other no more than they did. Deleted volume leaves rows at 0.
CREATE FUNCTION service_volume_roll_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT month, province_id, office_id, service_code, channel, slot, records::bigint AS records,
             extra_parties::bigint AS extra_parties, extra_pages::bigint AS extra_pages, amount_rials
      FROM new_rows
    ), p AS (
      INSERT INTO service_volume_province_monthly AS t (month, province_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
      SELECT month, province_id, service_code, channel, slot, sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)
      FROM d GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (month, province_id, service_code, channel, slot) DO UPDATE SET
        records = t.records + excluded.records, extra_parties = t.extra_parties + excluded.extra_parties,
        extra_pages = t.extra_pages + excluded.extra_pages, amount_rials = t.amount_rials + excluded.amount_rials
      RETURNING 1
    )
    INSERT INTO service_volume_county_monthly AS t (province_id, month, county_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
    SELECT d.province_id, d.month, coalesce(o.county_id, c.county_id, 0), d.service_code, d.channel, d.slot,
           sum(d.records), sum(d.extra_parties), sum(d.extra_pages), sum(d.amount_rials)
    FROM d LEFT JOIN offices o ON o.id = d.office_id LEFT JOIN cities c ON c.id = o.city_id
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (province_id, month, county_id, service_code, channel, slot) DO UPDATE SET
      records = t.records + excluded.records, extra_parties = t.extra_parties + excluded.extra_parties,
      extra_pages = t.extra_pages + excluded.extra_pages, amount_rials = t.amount_rials + excluded.amount_rials;
  ELSE
    -- A delete or an update: the old rows come out.
    WITH d AS (
      SELECT month, province_id, office_id, service_code, channel, slot, -records::bigint AS records,
             -extra_parties::bigint AS extra_parties, -extra_pages::bigint AS extra_pages, -amount_rials AS amount_rials
      FROM old_rows
    ), p AS (
      INSERT INTO service_volume_province_monthly AS t (month, province_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
      SELECT month, province_id, service_code, channel, slot, sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)
      FROM d GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (month, province_id, service_code, channel, slot) DO UPDATE SET
        records = t.records + excluded.records, extra_parties = t.extra_parties + excluded.extra_parties,
        extra_pages = t.extra_pages + excluded.extra_pages, amount_rials = t.amount_rials + excluded.amount_rials
      RETURNING 1
    )
    INSERT INTO service_volume_county_monthly AS t (province_id, month, county_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
    SELECT d.province_id, d.month, coalesce(o.county_id, c.county_id, 0), d.service_code, d.channel, d.slot,
           sum(d.records), sum(d.extra_parties), sum(d.extra_pages), sum(d.amount_rials)
    FROM d LEFT JOIN offices o ON o.id = d.office_id LEFT JOIN cities c ON c.id = o.city_id
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (province_id, month, county_id, service_code, channel, slot) DO UPDATE SET
      records = t.records + excluded.records, extra_parties = t.extra_parties + excluded.extra_parties,
      extra_pages = t.extra_pages + excluded.extra_pages, amount_rials = t.amount_rials + excluded.amount_rials;
    IF TG_OP = 'UPDATE' THEN
      -- The new values go in after the old ones came out (an update's old and new rows).
      WITH d AS (
        SELECT month, province_id, office_id, service_code, channel, slot, records::bigint AS records,
               extra_parties::bigint AS extra_parties, extra_pages::bigint AS extra_pages, amount_rials
        FROM new_rows
      ), p AS (
        INSERT INTO service_volume_province_monthly AS t (month, province_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
        SELECT month, province_id, service_code, channel, slot, sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)
        FROM d GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (month, province_id, service_code, channel, slot) DO UPDATE SET
          records = t.records + excluded.records, extra_parties = t.extra_parties + excluded.extra_parties,
          extra_pages = t.extra_pages + excluded.extra_pages, amount_rials = t.amount_rials + excluded.amount_rials
        RETURNING 1
      )
      INSERT INTO service_volume_county_monthly AS t (province_id, month, county_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
      SELECT d.province_id, d.month, coalesce(o.county_id, c.county_id, 0), d.service_code, d.channel, d.slot,
             sum(d.records), sum(d.extra_parties), sum(d.extra_pages), sum(d.amount_rials)
      FROM d LEFT JOIN offices o ON o.id = d.office_id LEFT JOIN cities c ON c.id = o.city_id
      GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (province_id, month, county_id, service_code, channel, slot) DO UPDATE SET
        records = t.records + excluded.records, extra_parties = t.extra_parties + excluded.extra_parties,
        extra_pages = t.extra_pages + excluded.extra_pages, amount_rials = t.amount_rials + excluded.amount_rials;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION service_volume_roll_up_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM service_volume_province_monthly;
  DELETE FROM service_volume_county_monthly;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_volume_roll_up_insert AFTER INSERT ON service_volume_monthly
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION service_volume_roll_up();
--> statement-breakpoint
CREATE TRIGGER service_volume_roll_up_update AFTER UPDATE ON service_volume_monthly
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION service_volume_roll_up();
--> statement-breakpoint
CREATE TRIGGER service_volume_roll_up_delete AFTER DELETE ON service_volume_monthly
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION service_volume_roll_up();
--> statement-breakpoint
CREATE TRIGGER service_volume_roll_up_truncate AFTER TRUNCATE ON service_volume_monthly
  FOR EACH STATEMENT EXECUTE FUNCTION service_volume_roll_up_truncate();
--> statement-breakpoint
-- The volume recorded before these rollups existed.
INSERT INTO service_volume_province_monthly (month, province_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
SELECT month, province_id, service_code, channel, slot, sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)
FROM service_volume_monthly GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO service_volume_county_monthly (province_id, month, county_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
SELECT v.province_id, v.month, coalesce(o.county_id, c.county_id, 0), v.service_code, v.channel, v.slot,
       sum(v.records), sum(v.extra_parties), sum(v.extra_pages), sum(v.amount_rials)
FROM service_volume_monthly v LEFT JOIN offices o ON o.id = v.office_id LEFT JOIN cities c ON c.id = o.city_id
GROUP BY 1, 2, 3, 4, 5, 6;
