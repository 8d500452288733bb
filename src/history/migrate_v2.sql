-- kaikaku's history, version 1 → 2: closing a quarter (確定, kaikaku close).
-- One row each time a quarter is closed or reopened, with the run whose
-- values became final (close) or that reopened it (run --reopen). A quarter
-- is closed when its latest row says close.
CREATE TABLE closures (
	period TEXT NOT NULL,                     -- 2026Q3
	action TEXT NOT NULL,                     -- close, reopen
	run_id INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	at     TEXT NOT NULL                      -- UTC, ISO 8601; never published
);
CREATE VIEW closed_periods AS
	SELECT c.period AS 期間, c.at AS 確定日時, c.run_id
	FROM closures c
	WHERE c.rowid = (SELECT max(rowid) FROM closures WHERE period = c.period) AND c.action = 'close';
