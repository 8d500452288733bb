-- ある課の提出: 期ごとの採用された行の数（課コードを書き換えて使う）
-- 使い方: sqlite3 -header -column output/history.sqlite < division_submissions.sql
SELECT 期間, 採用行数
FROM submission_grid
WHERE 課コード = '010100'
ORDER BY 期間;
