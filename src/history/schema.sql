-- kaikaku's history (output/history.sqlite): what each run published, and
-- the rows it was computed from. Schema version 1 (PRAGMA user_version).
-- A newer kaikaku migrates an older file forward (src/history/history.c);
-- an older kaikaku refuses a newer file. Documented in docs/運用ガイド.md.

-- One row per published run, in order (run_id). No wall-clock time is
-- stored, so the same runs give the same file.
CREATE TABLE runs (
	run_id          INTEGER PRIMARY KEY,
	period          TEXT NOT NULL,    -- the report period, 2026Q3
	exit_status     INTEGER NOT NULL, -- 0 or 1
	inputs_sha256   TEXT NOT NULL,    -- over the input files' SHA-256, in path order
	inputs          INTEGER NOT NULL, -- input files read
	errors          INTEGER NOT NULL,
	warnings        INTEGER NOT NULL,
	manifest_sha256 TEXT NOT NULL     -- the published folder's manifest.json
);
CREATE INDEX runs_period ON runs (period, run_id);

-- What each run published for its report period.
CREATE TABLE published_kpi (
	run_id   INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	kpi_id   TEXT NOT NULL,
	actual   REAL,             -- the actual for the period; NULL: 未報告
	progress REAL,             -- a fraction; NULL when not reported
	expected REAL,
	status   TEXT NOT NULL,    -- 達成 順調 注意 遅延 未報告
	PRIMARY KEY (run_id, kpi_id)
);
CREATE TABLE published_milestone (
	run_id          INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	milestone_id    TEXT NOT NULL,
	reported        TEXT,      -- the latest reported status at or before the period
	reported_period TEXT,
	progress        REAL,      -- 進捗率 (0-100) of that report
	status          TEXT NOT NULL,
	PRIMARY KEY (run_id, milestone_id)
);
CREATE TABLE published_measure (
	run_id     INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	measure_id TEXT NOT NULL,
	status     TEXT NOT NULL,
	PRIMARY KEY (run_id, measure_id)
);
-- The workload rows that counted at the period (the latest per 課 and 取組).
CREATE TABLE published_workload (
	run_id        INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	division_code TEXT NOT NULL,
	initiative    TEXT NOT NULL,   -- as first written
	key           TEXT NOT NULL,   -- as compared (folded)
	period        TEXT NOT NULL,   -- the period of the row
	hours         REAL NOT NULL,
	PRIMARY KEY (run_id, division_code, key)
);
-- The KGI for the city (scope 'city', key ''), each department and division.
CREATE TABLE published_kgi (
	run_id         INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	scope          TEXT NOT NULL,  -- city, department, division
	key            TEXT NOT NULL,  -- the department's name, the division's code
	hours_saved    REAL NOT NULL,
	baseline_hours REAL NOT NULL,
	rate           REAL,           -- NULL: no baseline
	PRIMARY KEY (run_id, scope, key)
);

-- The rows a run read, with the cell each came from: the masters and the
-- accepted submission rows. Kept for the latest run of each period.
CREATE TABLE input_rows (
	run_id   INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	kind     TEXT NOT NULL,  -- division, measure, kpi, milestone, kpi_actual, milestone_status, workload
	item     TEXT NOT NULL,  -- the ID (a workload row: its 取組)
	division TEXT,           -- the 課コード the row belongs to
	period   TEXT,           -- of a submission row
	value    TEXT,           -- the value as accepted (actual, status, hours)
	progress REAL,
	comment  TEXT,
	file     TEXT NOT NULL,  -- relative to the input folder
	sheet    TEXT,           -- NULL for CSV
	row      INTEGER NOT NULL
);
CREATE INDEX input_rows_item ON input_rows (run_id, kind, item);

-- The restatements each run found: a value of an earlier period Q that now
-- differs from what the last run for Q published.
CREATE TABLE restatements (
	run_id    INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
	period    TEXT NOT NULL,  -- Q, the earlier period
	kind      TEXT NOT NULL,  -- kpi, milestone, workload
	item      TEXT NOT NULL,
	published TEXT,           -- the value published then (NULL: none)
	now       TEXT,           -- the value now (NULL: none)
	file      TEXT,           -- where the value now comes from
	sheet     TEXT,
	row       INTEGER
);

-- Views for analysts: the latest run of each period.
CREATE VIEW latest_runs AS
	SELECT * FROM runs r WHERE run_id = (SELECT max(run_id) FROM runs WHERE period = r.period);
CREATE VIEW kpi_status AS
	SELECT r.period AS 期間, k.kpi_id AS KPI_ID, k.actual AS 実績値, k.progress AS 進捗率,
	       k.expected AS 期待進捗率, k.status AS 状況
	FROM latest_runs r JOIN published_kpi k USING (run_id);
CREATE VIEW kgi_trend AS
	SELECT r.period AS 期間, g.hours_saved AS 削減時間, g.baseline_hours AS 基準業務量,
	       g.rate AS 業務量削減率
	FROM latest_runs r JOIN published_kgi g USING (run_id) WHERE g.scope = 'city';
CREATE VIEW restatement_list AS
	SELECT r.period AS 発見した期間, s.period AS 修正された期間, s.kind AS 種類, s.item AS ID,
	       s.published AS 公表値, s.now AS 現在の値, s.file AS ファイル, s.sheet AS シート,
	       s.row AS 行
	FROM latest_runs r JOIN restatements s USING (run_id);
-- Every row of the inputs is read by every run: the latest run shows them all.
CREATE VIEW submission_grid AS
	SELECT division AS 課コード, period AS 期間, count(*) AS 採用行数
	FROM input_rows
	WHERE run_id = (SELECT max(run_id) FROM runs)
	  AND kind IN ('kpi_actual', 'milestone_status', 'workload')
	GROUP BY division, period;
