-- Stand-alone composite types (CREATE TYPE ... AS (...)), not the row types
-- of tables: their pg_class entry has relkind 'c'.
SELECT n.nspname,
       t.typname,
       array_to_json(ARRAY(SELECT json_build_array(a.attname, format_type(a.atttypid, a.atttypmod),
                                                   co.collname, cn.nspname)
                           FROM pg_attribute a
                           JOIN pg_type at ON at.oid = a.atttypid
                           LEFT JOIN pg_collation co
                                  ON co.oid = a.attcollation AND a.attcollation <> at.typcollation
                           LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                           WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                           ORDER BY a.attnum))::text AS attributes,
       d.description
FROM pg_type t
JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_description d
       ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'c'
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
