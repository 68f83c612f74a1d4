-- Indexes of user relations. Keys are column names, or for expressions
-- (indkey 0) the text of pg_get_indexdef(oid, k): calling it for every key
-- doubled the query's time. Columns past indnkeyatts are INCLUDE columns.
-- An FK also points conindid at the index it relies on, hence conrelid.
-- Sizes are the catalog's page counts, as for tables (relations.sql).
SELECT i.indrelid,
       i.indexrelid,
       ic.relname,
       am.amname,
       i.indisunique,
       i.indisprimary,
       con.conname,
       i.indnkeyatts,
       array_to_json(ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0
                                       THEN pg_get_indexdef(i.indexrelid, k, true)
                                       ELSE (SELECT a.attname::text FROM pg_attribute a
                                             WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
                                  END
                           FROM generate_series(1, i.indnatts) AS k
                           ORDER BY k))::text AS columns,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       pg_get_indexdef(i.indexrelid) AS definition,
       d.description,
       pn.nspname AS parent_schema,
       pic.relname AS parent_name,
       ic.relpages::bigint * current_setting('block_size')::bigint AS bytes
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con
       ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_inherits ih ON ih.inhrelid = i.indexrelid
LEFT JOIN pg_class pic ON pic.oid = ih.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pic.relnamespace
LEFT JOIN pg_description d
       ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
