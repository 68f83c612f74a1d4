-- User triggers (not the internal ones behind foreign keys). tgtype is
-- decoded by the reader; UPDATE OF columns come quoted, ready for SQL text.
SELECT t.tgrelid,
       t.tgname,
       t.tgtype,
       t.tgenabled <> 'D' AS enabled,
       pg_get_triggerdef(t.oid) AS definition,
       pn.nspname AS function_schema,
       p.proname AS function_name,
       array_to_json(ARRAY(SELECT quote_ident(a.attname)
                           FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(num, ord)
                           JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.num
                           ORDER BY k.ord))::text AS update_columns,
       d.description,
       t.tgenabled
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
LEFT JOIN pg_description d
       ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0
WHERE NOT t.tgisinternal
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
