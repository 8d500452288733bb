-- 公表した数字のもと: ある KPI の実績値が、どのファイル・シート・行から来たか
-- （最後の実行が読んだ行。KPI_ID を書き換えて使う）
-- 使い方: sqlite3 -header -column output/history.sqlite < trace_figure.sql
SELECT i.period AS 期間, i.value AS 実績値, i.file AS ファイル, i.sheet AS シート, i.row AS 行
FROM input_rows i
WHERE i.run_id = (SELECT max(run_id) FROM runs)
  AND i.kind = 'kpi_actual' AND i.item = 'K05-1'
ORDER BY i.period;
