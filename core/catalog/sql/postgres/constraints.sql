-- Primary keys, unique, foreign keys, checks and exclusions of user tables.
-- Key columns are listed in key order (conkey order), not attnum order.
SELECT con.conrelid,
       con.conname,
       con.contype,
       array_to_json(ARRAY(SELECT a.attname
                           FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                           ORDER BY k.ord))::text AS columns,
       pg_get_constraintdef(con.oid) AS definition,
       rn.nspname AS ref_schema,
       rc.relname AS ref_table,
       array_to_json(ARRAY(SELECT a.attname
                           FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                           ORDER BY k.ord))::text AS ref_columns,
       con.confupdtype,
       con.confdeltype,
       con.confmatchtype,
       con.condeferrable,
       con.condeferred,
       con.convalidated,
       d.description
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
LEFT JOIN pg_description d
       ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  -- A foreign key to a partitioned table makes PostgreSQL add one hidden
  -- copy per referenced partition on the same referencing table (conparentid
  -- points at the real key). psql and pg_dump hide them; so do we. Copies on
  -- referencing partitions are real, inherited keys and stay.
  AND NOT (con.contype = 'f' AND con.conparentid <> 0 AND EXISTS (
        SELECT 1 FROM pg_constraint p WHERE p.oid = con.conparentid AND p.conrelid = con.conrelid))
