-- 2四半期続けて「遅延」だった KPI（公表した値で、続いた期の組ごとに1行）
-- 使い方: sqlite3 -header -column output/history.sqlite < delayed_twice.sql
SELECT a.KPI_ID, a.期間 AS 前の期, b.期間 AS 次の期
FROM kpi_status a
JOIN kpi_status b ON b.KPI_ID = a.KPI_ID
	AND b.期間 = (SELECT min(期間) FROM kpi_status c WHERE c.KPI_ID = a.KPI_ID AND c.期間 > a.期間)
WHERE a.状況 = '遅延' AND b.状況 = '遅延'
ORDER BY a.KPI_ID, a.期間;
