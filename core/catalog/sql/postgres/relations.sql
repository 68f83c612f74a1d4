-- Tables, partitioned tables, views, materialized views and foreign tables of
-- user schemas, without the members of extensions.
-- Sizes are the catalog's page counts (as of the last VACUUM, ANALYZE or
-- CREATE INDEX), like reltuples: pg_table_size would open every relation,
-- stat its files and wait behind any ACCESS EXCLUSIVE lock, which tripled
-- the time of a 5,000-table load. NULL (unknown) when never measured.
SELECT c.oid,
       n.nspname,
       c.relname,
       c.relkind,
       c.relpersistence = 'u' AS unlogged,
       pg_get_userbyid(c.relowner) AS owner,
       has_table_privilege(c.oid, 'SELECT') AS readable,
       d.description,
       CASE WHEN c.relkind IN ('r', 'p', 'm') THEN c.reltuples::bigint END AS estimated_rows,
       CASE WHEN c.relkind IN ('r', 'm') AND (c.relpages > 0 OR c.reltuples >= 0)
            THEN (c.relpages::bigint + coalesce(tc.relpages, 0)) * current_setting('block_size')::bigint
       END AS table_bytes,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       pn.nspname AS parent_schema,
       pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS view_definition,
       fs.srvname,
       fdw.fdwname,
       array_to_json(ft.ftoptions)::text AS foreign_options,
       -- INHERITS parents of tables that are not partitions, in order.
       CASE WHEN c.relkind IN ('r', 'f') AND NOT c.relispartition THEN
           (SELECT array_to_json(array_agg(json_build_array(ipn.nspname, ipc.relname) ORDER BY ih.inhseqno))::text
            FROM pg_inherits ih
            JOIN pg_class ipc ON ipc.oid = ih.inhparent
            JOIN pg_namespace ipn ON ipn.oid = ipc.relnamespace
            WHERE ih.inhrelid = c.oid)
       END AS inherits,
       otn.nspname AS of_type_schema,
       ot.typname AS of_type_name,
       c.relrowsecurity,
       c.relforcerowsecurity
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = i.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
LEFT JOIN pg_foreign_data_wrapper fdw ON fdw.oid = fs.srvfdw
LEFT JOIN pg_type ot ON ot.oid = c.reloftype
LEFT JOIN pg_namespace otn ON otn.oid = ot.typnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
