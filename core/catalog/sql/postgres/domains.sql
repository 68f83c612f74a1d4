-- Domains with their base type, default, collation (only when it differs from
-- the base type's) and named CHECK constraints.
SELECT n.nspname,
       t.typname,
       format_type(t.typbasetype, t.typtypmod) AS base_type,
       t.typnotnull,
       pg_get_expr(t.typdefaultbin, 0) AS default_value,
       co.collname,
       array_to_json(ARRAY(SELECT json_build_array(con.conname, pg_get_constraintdef(con.oid))
                           FROM pg_constraint con
                           WHERE con.contypid = t.oid AND con.contype = 'c'
                           ORDER BY con.conname))::text AS checks,
       d.description,
       cn.nspname AS collation_schema
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation AND t.typcollation <> bt.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_description d
       ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'd'
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
