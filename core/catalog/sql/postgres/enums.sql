-- Enum types; labels by enumsortorder (values added with BEFORE/AFTER have
-- later OIDs than their neighbours).
SELECT n.nspname,
       t.typname,
       array_to_json(ARRAY(SELECT e.enumlabel FROM pg_enum e
                           WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder))::text AS labels,
       d.description
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_description d
       ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'e'
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
