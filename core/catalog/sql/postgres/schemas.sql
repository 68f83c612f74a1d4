-- User schemas (system schemas start with pg_ and cannot be created by users),
-- without schemas that an extension created.
SELECT n.nspname,
       pg_get_userbyid(n.nspowner) AS owner,
       d.description
FROM pg_namespace n
LEFT JOIN pg_description d
       ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')
