-- Primary keys, unique, foreign keys, checks and exclusions of user tables.
-- Key columns come as attnums in key order ("{2,1}"), mapped to names by the
-- reader from the columns part: two ARRAY subqueries per row cost 75 ms on
-- 10,000 constraints.
SELECT con.conrelid,
       con.confrelid,
       con.conname,
       con.contype,
       con.conkey::text AS key_attnums,
       -- Primary keys, unique constraints and foreign keys are spelled by the
       -- reader, as pg_get_constraintdef would (a third of this query's time
       -- on 10,000 constraints); the server only for what the reader does not
       -- spell: checks, exclusions, INCLUDE, NULLS NOT DISTINCT, SET NULL (cols).
       CASE WHEN con.contype = 'f'
                 AND con.confdelsetcols IS NULL -- PostgreSQL 15+
                 OR con.contype IN ('p', 'u') AND ci.indnatts = ci.indnkeyatts
                 AND NOT ci.indnullsnotdistinct -- PostgreSQL 15+
            THEN NULL
            ELSE pg_get_constraintdef(con.oid)
       END AS definition,
       rn.nspname AS ref_schema,
       rc.relname AS ref_table,
       con.confkey::text AS ref_attnums,
       -- Names only for keys to tables the relations part does not load (its
       -- filter, negated): the reader has no columns of those.
       CASE WHEN con.contype = 'f'
                 AND (rn.nspname ~ '^pg_' OR rn.nspname = 'information_schema'
                      OR rc.oid IN (SELECT e.objid FROM pg_depend e
                                    WHERE e.classid = 'pg_class'::regclass AND e.deptype = 'e'))
            THEN array_to_json(ARRAY(SELECT a.attname
                                     FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                                     ORDER BY k.ord))::text
       END AS ref_columns,
       con.confupdtype,
       con.confdeltype,
       con.confmatchtype,
       con.condeferrable,
       con.condeferred,
       con.convalidated,
       d.description,
       con.conislocal
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_index ci ON ci.indexrelid = con.conindid AND con.contype IN ('p', 'u')
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
