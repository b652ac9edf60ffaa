CREATE TABLE "quality_ticket_days" (
	"office_id" integer NOT NULL,
	"day" date NOT NULL,
	"wait_n" integer DEFAULT 0 NOT NULL,
	"wait_sum" double precision DEFAULT 0 NOT NULL,
	"wait_sq" double precision DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "quality_ticket_days_office_id_day_pk" PRIMARY KEY("office_id","day")
);
--> statement-breakpoint
CREATE INDEX "quality_ticket_days_day_idx" ON "quality_ticket_days" USING btree ("day");--> statement-breakpoint
-- A ticket's part in the score's counter tallies: 1 if called, its wait's score (1 up to 15
-- minutes, 0 from 60, linear between: #core/quality/score waitScore, on the wait in whole
-- milliseconds as the application reads it; null when not called), and 1 if served. One
-- expression, so PostgreSQL inlines it into a grouping over millions of tickets.
CREATE FUNCTION quality_ticket_wait_score(created timestamptz, called timestamptz) RETURNS double precision
  LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN called IS NULL THEN NULL ELSE least(1::double precision, greatest(0::double precision,
    (60 - greatest(0::double precision, (extract(epoch FROM date_trunc('milliseconds', called)
      - date_trunc('milliseconds', created)) * 1000)::double precision / 60000)) / (60 - 15))) END
$$;
--> statement-breakpoint
CREATE FUNCTION quality_ticket_days_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s double precision;
BEGIN
  -- Same office and day, same wait: only the served count can move (no float sum is touched).
  IF TG_OP = 'UPDATE' AND NEW.office_id = OLD.office_id AND NEW.day = OLD.day
     AND NEW.created_at = OLD.created_at AND NEW.called_at IS NOT DISTINCT FROM OLD.called_at THEN
    IF (NEW.status = 'done') <> (OLD.status = 'done') THEN
      UPDATE quality_ticket_days SET served = served + (NEW.status = 'done')::int - (OLD.status = 'done')::int
        WHERE office_id = NEW.office_id AND day = NEW.day;
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    s := quality_ticket_wait_score(OLD.created_at, OLD.called_at);
    UPDATE quality_ticket_days SET wait_n = wait_n - (s IS NOT NULL)::int, wait_sum = wait_sum - coalesce(s, 0),
      wait_sq = wait_sq - coalesce(s * s, 0), served = served - (OLD.status = 'done')::int
      WHERE office_id = OLD.office_id AND day = OLD.day;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    s := quality_ticket_wait_score(NEW.created_at, NEW.called_at);
    INSERT INTO quality_ticket_days AS d (office_id, day, wait_n, wait_sum, wait_sq, served)
      VALUES (NEW.office_id, NEW.day, (s IS NOT NULL)::int, coalesce(s, 0), coalesce(s * s, 0), (NEW.status = 'done')::int)
      ON CONFLICT (office_id, day) DO UPDATE SET wait_n = d.wait_n + excluded.wait_n, wait_sum = d.wait_sum + excluded.wait_sum,
        wait_sq = d.wait_sq + excluded.wait_sq, served = d.served + excluded.served;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER quality_ticket_days_step AFTER INSERT OR UPDATE OR DELETE ON queue_tickets
  FOR EACH ROW EXECUTE FUNCTION quality_ticket_days_step();
--> statement-breakpoint
INSERT INTO quality_ticket_days (office_id, day, wait_n, wait_sum, wait_sq, served)
  SELECT office_id, day, count(s), coalesce(sum(s), 0), coalesce(sum(s * s), 0), count(*) FILTER (WHERE status = 'done')
  FROM (SELECT office_id, day, status, quality_ticket_wait_score(created_at, called_at) AS s FROM queue_tickets) t
  GROUP BY office_id, day;
