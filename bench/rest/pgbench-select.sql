-- pgbench -S's statement on the bench table: one row by key.
\set id random(1, :rows)
SELECT id, name, amount, created, tag FROM item WHERE id = :id;
